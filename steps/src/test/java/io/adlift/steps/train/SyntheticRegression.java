package io.adlift.steps.train;

import java.util.List;
import java.util.Random;

/** y = 3·x1 − 2·x2 + noise, with x1 and x2 uniform on [−1, 1], from a seeded generator. */
record SyntheticRegression(FeatureMatrix features, float[] labels) {

    static final List<String> FEATURES = List.of("x1", "x2");

    static SyntheticRegression generate(int rows, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * 2];
        float[] labels = new float[rows];
        for (int row = 0; row < rows; row++) {
            float x1 = random.nextFloat() * 2 - 1;
            float x2 = random.nextFloat() * 2 - 1;
            values[row * 2] = x1;
            values[row * 2 + 1] = x2;
            labels[row] = (float) (3 * x1 - 2 * x2 + 0.1 * random.nextGaussian());
        }
        return new SyntheticRegression(new FeatureMatrix(FEATURES, rows, values), labels);
    }

    SyntheticRegression rows(int from, int to) {
        int columns = features.columns();
        float[] values = java.util.Arrays.copyOfRange(features.values(), from * columns,
                to * columns);
        return new SyntheticRegression(new FeatureMatrix(features.featureNames(), to - from, values),
                java.util.Arrays.copyOfRange(labels, from, to));
    }
}
