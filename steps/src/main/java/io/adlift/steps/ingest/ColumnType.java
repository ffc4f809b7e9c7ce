package io.adlift.steps.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The value types a source column can declare, with how a CSV field is read as each. */
public enum ColumnType {
    STRING {
        @Override
        Object parse(String text) {
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("text of " + text.length() + " characters, longer than the "
                        + MAX_TEXT_LENGTH + " allowed");
            }
            return text;
        }
    },
    INTEGER {
        @Override
        Object parse(String text) {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(INTEGER_DIGITS.matcher(text).matches()
                        ? "integer " + text + " is beyond the largest magnitude allowed, " + MAX_MAGNITUDE_TEXT
                        : "not an integer: '" + text + "'");
            }
            if (Math.abs((double) value) > MAX_MAGNITUDE) {
                throw new IllegalArgumentException("integer " + text + " is beyond the largest magnitude allowed, "
                        + MAX_MAGNITUDE_TEXT);
            }
            return value;
        }
    },
    DECIMAL {
        @Override
        Object parse(String text) {
            // Plain decimal notation only: Double.parseDouble also takes Java's literals (0x1p3, 1.5d, 1e3f,
            // NaN, Infinity), which no other reader of the file would read as these numbers.
            if (!DECIMAL_NOTATION.matcher(text).matches()) {
                throw new IllegalArgumentException("not a number: '" + text + "'");
            }
            double value = Double.parseDouble(text);
            if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
                throw new IllegalArgumentException("number " + text + " is beyond the largest magnitude allowed, "
                        + MAX_MAGNITUDE_TEXT);
            }
            return value;
        }
    },
    DATE {
        @Override
        Object parse(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO date (YYYY-MM-DD): '" + text + "'");
            }
        }
    },
    /** A local date and time, ISO with a 'T' or a space: 2024-03-01T09:30:00, 2024-03-01 09:30. */
    TIMESTAMP {
        @Override
        Object parse(String text) {
            try {
                return LocalDateTime.parse(text.length() > 10 && text.charAt(10) == ' '
                        ? text.substring(0, 10) + 'T' + text.substring(11) : text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO timestamp (YYYY-MM-DDTHH:MM[:SS]): '" + text + "'");
            }
        }
    },
    BOOLEAN {
        @Override
        Object parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> Boolean.TRUE;
                case "false", "0", "no" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean (true/false, 1/0, yes/no): '" + text + "'");
            };
        }
    };

    /**
     * The largest magnitude of a number, 10<sup>15</sup>, derived from the KPI tables' types: counts are
     * summed into BIGINT (at most 9.2·10<sup>18</sup>), so at least 9,223 values at this bound add up
     * without overflow, and spend into DECIMAL(38, 12) (below 10<sup>26</sup>); up to it a DOUBLE
     * PRECISION still holds every whole number exactly (2<sup>53</sup> ≈ 9·10<sup>15</sup>). KPI sums
     * are checked as well, so a sum beyond the columns fails with its name rather than wrapping around.
     */
    public static final double MAX_MAGNITUDE = 1e15;
    private static final String MAX_MAGNITUDE_TEXT = "1e15 (1,000,000,000,000,000)";
    private static final java.util.regex.Pattern DECIMAL_NOTATION =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final java.util.regex.Pattern INTEGER_DIGITS = java.util.regex.Pattern.compile("[+-]?\\d+");

    /** The longest text value Adlift stores; longer values are rejected, not truncated. */
    public static final int MAX_TEXT_LENGTH = 1000;

    /**
     * Reads a trimmed, non-empty field.
     *
     * @throws IllegalArgumentException with a message saying what the text is not
     */
    abstract Object parse(String text);

    /** {@link #parse} for readers outside ingest (a prediction request's fields), so both type values alike. */
    public Object read(String text) {
        return parse(text);
    }
}
