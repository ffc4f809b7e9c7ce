package io.adlift.steps.tune;

import java.util.SplittableRandom;

/**
 * Repeated k-fold cross-validation: for each repeat, the rows shuffled by a seeded draw and dealt into
 * k folds of sizes differing by at most one. Fold assignment depends only on the row count, k, the
 * seed and the repeat, so a search and its report see the same folds.
 */
public final class Folds {

    private Folds() {
    }

    /** The fold (0 … k − 1) of each of {@code rows} rows in repeat {@code repeat}. */
    public static int[] assign(int rows, int k, long seed, int repeat) {
        if (k < 2 || k > rows) {
            throw new IllegalArgumentException("k-fold needs 2 ≤ k ≤ rows, got k = " + k + " for " + rows + " rows");
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 31 + repeat);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[rows];
        for (int position = 0; position < rows; position++) {
            fold[order[position]] = position % k;
        }
        return fold;
    }

    /** The positions of a seeded sample of at most {@code max} of {@code n} rows, in their original order. */
    public static int[] sample(int n, int max, long seed) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        if (n <= max) {
            return order;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(order, max);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
