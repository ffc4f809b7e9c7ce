package io.adlift.steps.generate;

import java.util.SplittableRandom;

/** The distributions generators draw from, on one seeded random source. */
final class Draws {

    private final SplittableRandom random;

    Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int uniform(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    double uniform(double from, double to) {
        return random.nextDouble(from, to);
    }

    double normal(double mean, double sd) {
        // Box-Muller, one draw kept: simple and deterministic across JVMs (nextGaussian's algorithm changed in 17).
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Poisson by inversion for small means, the normal approximation above 30. */
    long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    long binomial(long n, double p) {
        if (n <= 30) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        return Math.min(n, poisson(n * p));
    }

    /** An index drawn with the given weights (which need not sum to 1). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
