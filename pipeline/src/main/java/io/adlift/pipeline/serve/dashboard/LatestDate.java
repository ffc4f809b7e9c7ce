package io.adlift.pipeline.serve.dashboard;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The latest business date of a table's rows within a filter's dates. A summary row or a payback curve
 * describes one data drop whole; adding those of several drops would describe none, so they are shown as of
 * the latest one.
 */
final class LatestDate {

    private LatestDate() {
    }

    static Optional<LocalDate> of(JdbcTemplate jdbc, String table, DashboardFilter filter) {
        Where where = Where.of(filter, null, null);
        java.sql.Date date = jdbc.queryForObject("SELECT MAX(business_date) FROM " + table + where.sql(), java.sql.Date.class,
                where.args());
        return Optional.ofNullable(date).map(java.sql.Date::toLocalDate);
    }
}
