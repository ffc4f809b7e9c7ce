package io.adlift.pipeline.serve.dashboard;

import java.time.LocalDate;

/**
 * What the dashboard shows: one pipeline's KPI rows whose business date lies in [from, to] (either end
 * open when null), of one campaign and one segment (platform, category or creative format, whichever the
 * pipeline's KPI set has) when given.
 */
public record DashboardFilter(String pipeline, LocalDate from, LocalDate to, String campaign, String segment) {

    /** @throws IllegalArgumentException (answered 400) for a value no KPI row can hold, such as a NUL byte */
    public DashboardFilter {
        requirePrintable("campaign", campaign);
        requirePrintable("segment", segment);
    }

    /** A control character (a NUL byte, which PostgreSQL refuses in any text parameter) matches no KPI row. */
    private static void requirePrintable(String name, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " must not contain control characters such as NUL (%00)");
        }
    }
}
