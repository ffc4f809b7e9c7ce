package io.adlift.steps.generate;

/**
 * Builds one CSV line without String.format, whose cost would dominate writing ten million rows.
 * Numbers are written the same way on every machine and locale, so files are byte-identical.
 */
final class CsvLine {

    private final StringBuilder line = new StringBuilder(128);

    CsvLine reset() {
        line.setLength(0);
        return this;
    }

    CsvLine add(long value) {
        separate();
        line.append(value);
        return this;
    }

    CsvLine add(String value) {
        separate();
        line.append(value);
        return this;
    }

    /** A non-negative amount with exactly two decimals, e.g. 12.05. */
    CsvLine addCents(long cents) {
        separate();
        line.append(cents / 100).append('.');
        long rest = cents % 100;
        if (rest < 10) {
            line.append('0');
        }
        line.append(rest);
        return this;
    }

    private void separate() {
        if (!line.isEmpty()) {
            line.append(',');
        }
    }

    CharSequence end() {
        return line.append('\n');
    }
}
