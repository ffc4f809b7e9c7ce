package io.adlift.steps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XgboostTrainerTest {

    private static final Map<String, String> PARAMS = Map.of(
            "objective", "reg:squarederror",
            "max_depth", "4",
            "eta", "0.1",
            // Row and column sampling make the seed matter, so reproducibility is really tested.
            "subsample", "0.8",
            "colsample_bytree", "0.8",
            "nthread", "2");
    private static final ModelSpec SPEC = new ModelSpec("gbtree", PARAMS, 200, 42L);

    private final XgboostTrainer trainer = new XgboostTrainer();
    private final SyntheticRegression data = SyntheticRegression.generate(500, 7L);
    private final SyntheticRegression train = data.rows(0, 400);
    private final SyntheticRegression holdOut = data.rows(400, 500);

    @TempDir
    Path tmp;

    @Test
    void shouldBeNamedXgboost() {
        assertThat(trainer.name()).isEqualTo("xgboost");
    }

    @Test
    void shouldFitALinearSignalWellOnHeldOutRows() {
        try (TrainedModel model = trainer.train(train.features(), train.labels(), SPEC)) {
            double rmse = rmse(holdOut.labels(), model.predict(holdOut.features()));

            // The labels spread with a standard deviation near 2.1 and carry noise of 0.1. Trees
            // approximate the two slopes in steps; 400 rows give about 0.23 here, R² above 0.97.
            assertThat(rmse).isLessThan(0.35);
        }
    }

    @Test
    void shouldPredictIdenticallyWhenTrainedTwiceWithTheSameSeed() {
        try (TrainedModel first = trainer.train(train.features(), train.labels(), SPEC);
                TrainedModel second = trainer.train(train.features(), train.labels(), SPEC)) {
            assertThat(second.predict(holdOut.features()))
                    .containsExactly(first.predict(holdOut.features()));
        }
    }

    @Test
    void shouldPassTheSeedToXgboostOverridingAnySeedInTheParams() {
        Map<String, String> withSeed = new HashMap<>(PARAMS);
        withSeed.put("seed", "42");
        ModelSpec otherSeed = new ModelSpec("gbtree", withSeed, 200, 43L);

        try (TrainedModel first = trainer.train(train.features(), train.labels(), SPEC);
                TrainedModel second = trainer.train(train.features(), train.labels(), otherSeed)) {
            assertThat(second.predict(holdOut.features()))
                    .isNotEqualTo(first.predict(holdOut.features()));
        }
    }

    @Test
    void shouldRecordTheTrainingMetricOfEveryRound() {
        try (TrainedModel model = trainer.train(train.features(), train.labels(), SPEC)) {
            List<Double> curve = model.trainingCurve();

            assertThat(model.evalMetricName()).isEqualTo("rmse");
            assertThat(curve).hasSize(200);
            assertThat(curve.get(199)).isLessThan(curve.get(0) / 5);
        }
    }

    @Test
    void shouldMeasureTheWatchedRowsEveryRoundWithoutChangingTheModel() {
        try (TrainedModel watched = trainer.train(train.features(), train.labels(), SPEC, TrainingListener.NONE,
                holdOut.features(), holdOut.labels());
                TrainedModel plain = trainer.train(train.features(), train.labels(), SPEC)) {
            List<Double> valid = watched.validationCurve();
            assertThat(valid).hasSize(200);
            assertThat(plain.validationCurve()).isEmpty();
            // held-out rows are harder than the rows trained on, and the last round's value is their RMSE
            assertThat(valid.get(199)).isGreaterThan(watched.trainingCurve().get(199));
            float[] predicted = watched.predict(holdOut.features());
            double sum = 0;
            for (int i = 0; i < predicted.length; i++) {
                double d = predicted[i] - holdOut.labels()[i];
                sum += d * d;
            }
            assertThat(valid.get(199)).isCloseTo(Math.sqrt(sum / predicted.length), org.assertj.core.api.Assertions.within(1e-3));
            assertThat(watched.predict(holdOut.features())).containsExactly(plain.predict(holdOut.features()));
            assertThat(watched.trainingCurve()).isEqualTo(plain.trainingCurve());
        }
    }

    @Test
    void shouldAcceptMissingFeaturesAsNaN() {
        float[] values = train.features().values().clone();
        Random random = new Random(3L);
        for (int i = 0; i < values.length; i++) {
            if (random.nextInt(10) == 0) {
                values[i] = Float.NaN;
            }
        }
        FeatureMatrix withGaps = new FeatureMatrix(SyntheticRegression.FEATURES, 400, values);
        FeatureMatrix allMissing = new FeatureMatrix(SyntheticRegression.FEATURES, 1,
                new float[] {Float.NaN, Float.NaN});

        try (TrainedModel model = trainer.train(withGaps, train.labels(), SPEC)) {
            // A fifth of the training rows lack a feature, so the fit is coarser (about 0.58).
            assertThat(rmse(holdOut.labels(), model.predict(holdOut.features()))).isLessThan(0.8);
            assertThat(model.predict(allMissing)[0]).isFinite();
        }
    }

    @Test
    void shouldPredictTheSameAfterSavingAndLoadingJson() throws IOException {
        Path file = tmp.resolve("models/model.json");
        try (TrainedModel model = trainer.train(train.features(), train.labels(), SPEC)) {
            model.saveJson(file);

            try (TrainedModel loaded = TrainedModel.loadJson(file, SyntheticRegression.FEATURES)) {
                assertThat(Files.readString(file)).startsWith("{").contains("\"feature_names\"");
                assertThat(loaded.predict(holdOut.features()))
                        .containsExactly(model.predict(holdOut.features()));
                assertThat(loaded.evalMetricName()).isEqualTo("rmse");
                assertThat(loaded.trainingCurve()).isEqualTo(model.trainingCurve());
            }
        }
    }

    @Test
    void shouldRefuseToSaveUnderANameXgboostWouldNotWriteAsJson() {
        try (TrainedModel model = trainer.train(train.features(), train.labels(), SPEC)) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> model.saveJson(tmp.resolve("model.ubj")))
                    .withMessageContaining("must end in .json");
        }
    }

    @Test
    void shouldRejectPredictionWithOtherFeatureNames() {
        FeatureMatrix swapped = new FeatureMatrix(List.of("x2", "x1"), 1, new float[] {0, 0});

        try (TrainedModel model = trainer.train(train.features(), train.labels(), SPEC)) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> model.predict(swapped))
                    .withMessage("the model expects features [x1, x2] in this order but was "
                            + "given [x2, x1]");
        }
    }

    @Test
    void shouldRejectLoadingWithFeatureNamesOtherThanThoseSaved() {
        Path file = tmp.resolve("model.json");
        try (TrainedModel model = trainer.train(train.features(), train.labels(), SPEC)) {
            model.saveJson(file);
        }

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TrainedModel.loadJson(file, List.of("a", "b")))
                .withMessageContaining("was trained on features [x1, x2] but [a, b] were given");
    }

    @Test
    void shouldRejectAnEmptyFeatureMatrix() {
        FeatureMatrix empty = new FeatureMatrix(SyntheticRegression.FEATURES, 0, new float[0]);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> trainer.train(empty, new float[0], SPEC))
                .withMessageContaining("cannot train on 0 rows");
    }

    @Test
    void shouldRejectLabelsOfAnotherLengthThanTheRows() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> trainer.train(train.features(), new float[399], SPEC))
                .withMessage("labels has 399 values but the feature matrix has 400 rows; there "
                        + "must be one label per row");
    }

    @Test
    void shouldWrapXgboostErrorsWithItsMessageAndTheParams() {
        ModelSpec bad = new ModelSpec("gbtree", Map.of("objective", "reg:nonsense"), 5, 1L);

        assertThatExceptionOfType(ModelTrainingException.class)
                .isThrownBy(() -> trainer.train(train.features(), train.labels(), bad))
                .withMessageContaining("objective=reg:nonsense")
                .withMessageContaining("seed=1")
                .withMessageContaining("Unknown objective function");
    }

    private static double rmse(float[] actual, float[] predicted) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = actual[i] - predicted[i];
            sum += error * error;
        }
        return Math.sqrt(sum / actual.length);
    }
}
