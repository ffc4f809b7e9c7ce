package io.adlift.steps.generate;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** The distributions generators draw from, on one seeded random source. */
final class Draws {

    private final SplittableRandom random;

    Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * The draws of one entity (a campaign, an influencer) of one kind, so that its attributes can be
     * drawn again where they are needed instead of being kept for every entity.
     */
    static Draws of(long seed, long kind, long entity) {
        return new Draws(mix(mix(seed, kind), entity));
    }

    /**
     * A well-spread 64-bit hash of two numbers (SplitMix64's finaliser). SplittableRandom seeded with
     * nearby or evenly spaced values gives overlapping sequences; hashed seeds do not.
     */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    int uniform(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    long uniform(long fromInclusive, long toInclusive) {
        return random.nextLong(fromInclusive, toInclusive + 1);
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

    /**
     * An index drawn with the weights whose running totals are given (non-decreasing, last one the
     * total): a binary search, for dimensions too large to scan on every row.
     */
    int pick(double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (x < cumulative[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The running totals of the items' weights, for {@link #pick(double[])}. */
    static <T> double[] cumulative(List<T> items, ToDoubleFunction<T> weight) {
        double[] cumulative = new double[items.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += weight.applyAsDouble(items.get(i));
            cumulative[i] = total;
        }
        return cumulative;
    }

    /** A whole amount of cents drawn uniformly between two amounts. */
    long cents(double from, double to) {
        return Math.round(random.nextDouble(from, to) * 100);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
