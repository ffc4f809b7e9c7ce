package io.adlift.pipeline.serve.predict;

import java.util.Optional;
import java.util.function.Function;

/**
 * An answer known without asking the model, for the model dataset it is named after: the model would
 * only guess where the answer follows from the input (a campaign without ads buys nothing).
 */
interface KnownAnswer {

    /** The {@code steps.train.dataset.strategy} it answers for. */
    String dataset();

    Optional<Double> answer(Function<String, Object> record);
}
