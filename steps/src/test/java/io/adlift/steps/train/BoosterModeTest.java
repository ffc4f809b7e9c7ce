package io.adlift.steps.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three model strategies on a known linear signal, and early stopping on held-out rows. */
class BoosterModeTest {

    private final SyntheticRegression data = SyntheticRegression.generate(600, 11L);
    private final SyntheticRegression train = data.rows(0, 400);
    private final SyntheticRegression holdOut = data.rows(400, 600);

    @Test
    void shouldFitALinearSignalAlmostExactlyWithTheLinearStrategy() {
        XgboostTrainer linear = new XgboostTrainer("linear", BoosterMode.LINEAR);
        try (TrainedModel model = linear.train(train.features(), train.labels(),
                new ModelSpec("linear", Map.of("eta", "1", "lambda", "0", "alpha", "0"), 100, 1))) {
            // the signal is linear with noise 0.1: a linear model gets close to the noise, trees do not
            assertThat(rmse(holdOut.labels(), model.predict(holdOut.features()))).isLessThan(0.15);
        }
        assertThat(linear.wantsStandardizedFeatures()).isTrue();
        assertThat(new XgboostTrainer().wantsStandardizedFeatures()).isFalse();
    }

    @Test
    void shouldGrowAForestOfTheDefinitionsRoundsInOneRound() {
        ModelSpec applied = BoosterMode.FOREST.apply(new ModelSpec("forest", Map.of("max_depth", "4"), 50, 1));

        assertThat(applied.rounds()).isEqualTo(1);
        assertThat(applied.params()).containsEntry("num_parallel_tree", "50").containsEntry("eta", "1")
                .containsEntry("max_depth", "4");
        try (TrainedModel model = new XgboostTrainer("forest", BoosterMode.FOREST).train(train.features(), train.labels(),
                new ModelSpec("forest", Map.of("max_depth", "6"), 50, 1))) {
            double rmse = rmse(holdOut.labels(), model.predict(holdOut.features()));
            assertThat(rmse).isLessThan(0.6 * spread(holdOut.labels()));
            // one round of 50 trees: the training curve has a single point
            assertThat(model.trainingCurve()).hasSize(1);
        }
    }

    @Test
    void shouldStopEarlyAtTheBestHeldOutRoundAndPredictThere() {
        XgboostTrainer trees = new XgboostTrainer();
        // a high learning rate overfits quickly: the held-out loss bottoms out long before 2,000 rounds
        ModelSpec spec = new ModelSpec("xgboost", Map.of("eta", "0.5", "max_depth", "6"), 2_000, 1);

        HeldOutFit fit = trees.fitHeldOut(train.features(), train.labels(), holdOut.features(), holdOut.labels(), spec,
                new EarlyStopping(10, EarlyStopping::rmse));

        assertThat(fit.rounds()).isBetween(1, 1_990);
        try (TrainedModel refit = trees.train(train.features(), train.labels(),
                new ModelSpec("xgboost", spec.params(), fit.rounds(), 1))) {
            // the refit with the kept rounds predicts what the early-stopped fit predicted
            float[] expected = refit.predict(holdOut.features());
            assertThat(fit.predictions()).hasSize(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertThat(fit.predictions()[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    private static double rmse(float[] actual, float[] predicted) {
        return EarlyStopping.rmse(actual, predicted);
    }

    private static double spread(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v / values.length;
        }
        double sum = 0;
        for (float v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
