package io.adlift.steps.features;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Date parts of a value as the database or a request hands it over: {@code java.sql} types from
 * JDBC, {@code java.time} types from the CSV typer, ISO text from JSON. Missing values are NaN, which
 * XGBoost treats as missing.
 */
final class DateParts {

    private DateParts() {
    }

    static float of(FeatureKind part, Object value) {
        LocalDateTime t = timestamp(value);
        if (t == null) {
            return Float.NaN;
        }
        return switch (part) {
            case HOUR -> t.getHour();
            case WEEKDAY -> t.getDayOfWeek().getValue();
            case MONTH -> t.getMonthValue();
            default -> throw new IllegalArgumentException(part + " is not a date part");
        };
    }

    private static LocalDateTime timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDateTime();
        }
        if (value instanceof CharSequence text) {
            String s = text.toString().trim();
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay()
                    : LocalDateTime.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s);
        }
        throw new IllegalArgumentException("a date-part feature cannot use the value '" + value + "' ("
                + value.getClass().getSimpleName() + "); declare the column as a date or timestamp");
    }
}
