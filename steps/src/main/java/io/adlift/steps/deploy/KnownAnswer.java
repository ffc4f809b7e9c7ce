package io.adlift.steps.deploy;

import java.util.Optional;
import java.util.function.Function;

/**
 * An answer a dataset knows without asking the model: a record whose {@code column} equals {@code equals}
 * gets {@code answer} (seed 002's "a campaign with no ads sells nothing"). Data, not code, so that the
 * Python loader shipped with the model applies exactly the rule the Java server applies.
 */
public record KnownAnswer(String column, double equals, double answer) {

    /** The answer for {@code record} (typed field values by name), or empty when the rule does not apply. */
    public Optional<Double> answer(Function<String, Object> record) {
        return record.apply(column) instanceof Number n && n.doubleValue() == equals ? Optional.of(answer) : Optional.empty();
    }
}
