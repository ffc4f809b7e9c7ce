package io.adlift.steps.generate;

/**
 * Widths of zero-padded identifiers. The width grows with the count so that every id of a file has
 * the same length and ids sort in the order they were numbered.
 */
final class Ids {

    private Ids() {
    }

    /** Decimal digits of a non-negative number. */
    static int digits(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    /** The width that fits ids 1 to {@code count}, at least {@code minimum}. */
    static int width(long count, int minimum) {
        return Math.max(minimum, digits(count));
    }
}
