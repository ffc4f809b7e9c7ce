package io.adlift.pipeline.tracking;

import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The headline figures of the KPI tables a run wrote, as run metrics, so that a KPI-only run (which trains nothing)
 * shows its results in MLflow too. Per table, of the run's pipeline and business date:
 * <ul>
 * <li>a one-row table (a summary such as {@code kpi_influencer_summary}): each numeric column, {@code kpi.<table>.<column>};</li>
 * <li>a table of many rows (per campaign, per day): {@code kpi.<table>.rows}, the totals of its additive columns
 * ({@code kpi.<table>.total_<column>}: impressions, clicks, spend, revenue…) and the ratios of those totals that are
 * headline KPIs ({@code overall_roas} = revenue / spend, {@code overall_ctr} = clicks / impressions). A ratio column is
 * not averaged: a mean of per-campaign ROAS is not the ROAS of the whole.</li>
 * </ul>
 */
public final class KpiMetrics {

    /** Columns whose sum over rows means something. */
    static final Set<String> ADDITIVE = Set.of("impressions", "clicks", "spend", "spent", "revenue", "conversions",
            "approved_conversions", "total_conversion", "approved_conversion", "orders", "sessions", "purchases",
            "payout", "customers", "incremental_revenue");
    private static final Set<String> LINEAGE = Set.of("job_execution_id");

    private final JdbcTemplate jdbc;

    public KpiMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The metrics of {@code tables} for the pipeline and date; a table that cannot be read is left out. */
    public Map<String, Double> of(String pipeline, LocalDate date, List<String> tables) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String table : tables) {
            metrics.putAll(ofTable(table, pipeline, date));
        }
        return metrics;
    }

    /** {@link #of} as metric points of now, for the run's tracker. */
    public List<TrackedRun.Metric> points(String pipeline, LocalDate date, List<String> tables) {
        long now = System.currentTimeMillis();
        return of(pipeline, date, tables).entrySet().stream()
                .map(e -> new TrackedRun.Metric(e.getKey(), e.getValue(), now, 0)).toList();
    }

    private Map<String, Double> ofTable(String table, String pipeline, LocalDate date) {
        String where = " FROM " + table + " WHERE pipeline = ? AND business_date = ?";
        java.sql.Date day = java.sql.Date.valueOf(date);
        List<String> numeric = jdbc.query("SELECT *" + where + " AND 1 = 0", rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                String name = meta.getColumnLabel(c).toLowerCase(Locale.ROOT);
                if (isNumber(meta.getColumnType(c)) && !LINEAGE.contains(name) && !name.endsWith("_id")) {
                    names.add(name);
                }
            }
            return names;
        }, pipeline, day);
        Integer count = jdbc.queryForObject("SELECT COUNT(*)" + where, Integer.class, pipeline, day);
        Map<String, Double> metrics = new LinkedHashMap<>();
        String prefix = "kpi." + table + ".";
        if (count == null || count == 0) {
            return metrics;
        }
        if (count == 1) {
            jdbc.query("SELECT " + String.join(", ", numeric) + where, rs -> {
                for (String column : numeric) {
                    Number value = (Number) rs.getObject(column);
                    if (value != null) {
                        metrics.put(prefix + column, value.doubleValue());
                    }
                }
            }, pipeline, day);
            return metrics;
        }
        metrics.put(prefix + "rows", count.doubleValue());
        List<String> additive = numeric.stream().filter(ADDITIVE::contains).toList();
        if (additive.isEmpty()) {
            return metrics;
        }
        Map<String, Double> totals = new LinkedHashMap<>();
        jdbc.query("SELECT " + String.join(", ", additive.stream().map(c -> "SUM(" + c + ") AS " + c).toList()) + where,
                rs -> {
                    for (String column : additive) {
                        Number value = (Number) rs.getObject(column);
                        if (value != null) {
                            totals.put(column, value.doubleValue());
                        }
                    }
                }, pipeline, day);
        totals.forEach((column, total) -> metrics.put(prefix + "total_" + column, total));
        ratio(totals, "revenue", totals.containsKey("spend") ? "spend" : "spent").ifPresent(v -> metrics.put(prefix + "overall_roas", v));
        ratio(totals, "clicks", "impressions").ifPresent(v -> metrics.put(prefix + "overall_ctr", v));
        return metrics;
    }

    private static java.util.Optional<Double> ratio(Map<String, Double> totals, String numerator, String denominator) {
        Double n = totals.get(numerator);
        Double d = totals.get(denominator);
        return n == null || d == null || d == 0 ? java.util.Optional.empty() : java.util.Optional.of(n / d);
    }

    private static boolean isNumber(int type) {
        return switch (type) {
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT, Types.DECIMAL, Types.NUMERIC, Types.DOUBLE,
                    Types.FLOAT, Types.REAL -> true;
            default -> false;
        };
    }
}
