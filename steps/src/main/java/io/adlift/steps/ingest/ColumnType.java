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
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer: '" + text + "'");
            }
        }
    },
    DECIMAL {
        @Override
        Object parse(String text) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: '" + text + "'");
            }
            // Double.parseDouble accepts "NaN" and "Infinity", which no KPI can aggregate.
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not a finite number: '" + text + "'");
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
