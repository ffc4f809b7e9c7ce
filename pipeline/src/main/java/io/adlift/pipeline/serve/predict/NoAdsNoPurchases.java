package io.adlift.pipeline.serve.predict;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import org.springframework.stereotype.Component;

/** Seed 002's rule: a campaign designed with zero ads gets zero purchases, without asking the model. */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class NoAdsNoPurchases implements KnownAnswer {

    @Override
    public String dataset() {
        return "campaign-rollup";
    }

    @Override
    public Optional<Double> answer(Function<String, Object> record) {
        return record.apply("ads") instanceof Number ads && ads.doubleValue() == 0 ? Optional.of(0.0) : Optional.empty();
    }
}
