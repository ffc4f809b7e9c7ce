package io.adlift.pipeline.serve.dashboard;

import io.adlift.pipeline.serve.ServeWebConfiguration;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The payback curve of {@code kpi_payback} as of the latest business date in the filter: cumulative revenue
 * and the spend it has to recover, both money, so both on one axis (on two axes the lines cross wherever the
 * scales happen to put them, whether or not revenue ever reached spend). The payback day (the first day
 * {@code paid_back} is true) is the chart's mark; where it never is, the note says so and how far revenue got.
 */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class PaybackChart {

    private final JdbcTemplate jdbc;

    PaybackChart(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Dashboard.Chart> of(DashboardFilter filter) {
        Optional<LocalDate> latest = LatestDate.of(jdbc, "kpi_payback", filter);
        if (latest.isEmpty()) {
            return Optional.of(DashboardQueries.chart("Payback: cumulative revenue against spend, by day since launch",
                    List.of("cumulative revenue", "spend"), List.of("currency", "currency"), List.of()));
        }
        Date date = Date.valueOf(latest.get());
        List<Dashboard.Point> points = jdbc.query("SELECT day_since_launch, cumulative_revenue, spend FROM kpi_payback "
                        + "WHERE pipeline = ? AND business_date = ? ORDER BY day_since_launch",
                (rs, i) -> new Dashboard.Point(rs.getInt(1), null, List.of(rs.getDouble(2), rs.getDouble(3))),
                filter.pipeline(), date);
        Integer day = jdbc.queryForObject("SELECT MIN(day_since_launch) FROM kpi_payback WHERE pipeline = ? AND "
                + "business_date = ? AND paid_back", Integer.class, filter.pipeline(), date);
        Double best = jdbc.queryForObject("SELECT MAX(recovered) FROM kpi_payback WHERE pipeline = ? AND business_date = ?",
                Double.class, filter.pipeline(), date);
        String note = day != null ? "Paid back on day " + day + " since launch"
                : "Not paid back: revenue recovered at most " + (best == null ? "nothing" : String.format(Locale.ROOT,
                        "%.1f %%", best * 100)) + " of the spend";
        return Optional.of(new Dashboard.Chart("Payback: cumulative revenue against spend, by day since launch (as of "
                + latest.get() + ")", List.of("cumulative revenue", "spend"), List.of("currency", "currency"), points, null,
                note, day));
    }
}
