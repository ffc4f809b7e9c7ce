package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.steps.kpi.KpiRatios;
import io.adlift.steps.kpi.KpiTotals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ad-performance}: ad delivery KPIs by campaign ({@code kpi_campaign}) and by audience segment
 * ({@code kpi_segment}), from the source and columns the definition maps. Sums by grain in SQL, ratios
 * by {@link KpiRatios}.
 */
final class AdPerformanceKpis implements KpiSet {

    private static final List<String> MEASURES = List.of("impressions", "clicks", "spend", "conversions",
            "approved_conversions", "revenue", "ctr", "cpc", "cpm", "cvr", "cpa", "cost_per_approved", "roas", "roi");

    @Override
    public String name() {
        return "ad-performance";
    }

    @Override
    public SourceNeeds needs() {
        return SourceNeeds.none();
    }

    @Override
    public List<String> tables() {
        return Arrays.stream(KpiTable.values()).map(KpiTable::table).toList();
    }

    @Override
    public Map<String, Integer> write(KpiRun run) {
        PipelineDefinition.Kpi kpi = run.settings();
        SourceTables tables = run.tables(run.run().pipeline().resolveSource(kpi.source()));
        List<KpiTable> asked = kpi.tables().stream().map(KpiTable::named).toList();
        Map<KpiTable, List<Sums>> sums = new EnumMap<>(KpiTable.class);
        if (asked.contains(KpiTable.SEGMENT) && asked.contains(KpiTable.CAMPAIGN)) {
            // A segment's grain includes its campaign: one scan of the clean rows gives the segments, and
            // the campaigns are their sums, exact since spend is summed as a decimal.
            sums.put(KpiTable.SEGMENT, sums(run, kpi, tables, KpiTable.SEGMENT));
            sums.put(KpiTable.CAMPAIGN, byCampaign(sums.get(KpiTable.SEGMENT)));
        }
        Map<String, Integer> written = new LinkedHashMap<>();
        for (KpiTable table : asked) {
            List<Sums> grains = sums.computeIfAbsent(table, t -> sums(run, kpi, tables, t));
            List<Object[]> rows = grains.stream().map(g -> g.row(kpi.valuePerApprovedConversion())).toList();
            List<String> columns = new ArrayList<>(table.grain());
            columns.addAll(MEASURES);
            written.put(table.table(), run.replaceRows(table.table(), columns, rows));
        }
        return written;
    }

    /** The sums of the clean rows by the grain of {@code table}. */
    private static List<Sums> sums(KpiRun run, PipelineDefinition.Kpi kpi, SourceTables tables, KpiTable table) {
        Map<String, String> grainColumns = grainColumns(kpi.columns());
        String grainSelect = table.grain().stream()
                .map(g -> "COALESCE(CAST(s." + tables.column(grainColumns.get(g)) + " AS VARCHAR(1000)), '') AS " + g)
                .collect(Collectors.joining(", "));
        String groupBy = table.grain().stream().map(g -> "s." + tables.column(grainColumns.get(g)))
                .collect(Collectors.joining(", "));
        PipelineDefinition.KpiColumns c = kpi.columns();
        String sql = "SELECT " + grainSelect
                + ", " + countSum(tables.column(c.impressions())) + " AS impressions"
                + ", " + countSum(tables.column(c.clicks())) + " AS clicks"
                + ", SUM(CAST(s." + tables.column(c.spend()) + " AS DECIMAL(38, 12))) AS spend"
                + ", " + countSum(tables.column(c.conversions())) + " AS conversions"
                + ", " + countSum(tables.column(c.approvedConversions())) + " AS approved_conversions"
                + " FROM " + tables.clean() + " s WHERE s.job_instance_id = ? GROUP BY " + groupBy;
        return run.jdbc().query(sql, (rs, i) -> {
            List<String> grain = new ArrayList<>();
            for (String g : table.grain()) {
                grain.add(rs.getString(g));
            }
            return new Sums(table, grain, decimal(rs, "impressions"), decimal(rs, "clicks"), decimal(rs, "spend"),
                    decimal(rs, "conversions"), decimal(rs, "approved_conversions"));
        }, run.jobInstanceId());
    }

    /** A count column's SUM as an exact numeric in SQL, so no total wraps around whatever its size. */
    private static String countSum(String column) {
        return "SUM(CAST(s." + column + " AS DECIMAL(38, 0)))";
    }

    private static BigDecimal decimal(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Segment sums added up by their campaign, the first value of their grain. */
    private static List<Sums> byCampaign(List<Sums> segments) {
        Map<String, Sums> campaigns = new TreeMap<>();
        for (Sums s : segments) {
            campaigns.merge(s.grain().get(0), new Sums(KpiTable.CAMPAIGN, List.of(s.grain().get(0)), s.impressions(),
                    s.clicks(), s.spend(), s.conversions(), s.approvedConversions()), Sums::plus);
        }
        return List.copyOf(campaigns.values());
    }

    /**
     * The totals of one grain of {@code table}, exact (counts and spend as decimals), so adding segments
     * up to campaigns cannot overflow; a count is checked against its BIGINT column when the row is made.
     */
    private record Sums(KpiTable table, List<String> grain, BigDecimal impressions, BigDecimal clicks, BigDecimal spend,
            BigDecimal conversions, BigDecimal approvedConversions) {

        Sums plus(Sums other) {
            return new Sums(table, grain, impressions.add(other.impressions), clicks.add(other.clicks),
                    spend.add(other.spend), conversions.add(other.conversions),
                    approvedConversions.add(other.approvedConversions));
        }

        /** The count as the KPI table's BIGINT holds it, or a failure naming the table, column and grain. */
        private long count(BigDecimal total, String column) {
            try {
                return total.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalStateException(table.table() + "." + column + " of " + table.grain() + " " + grain
                        + ": the total " + total.toPlainString() + " is beyond what the column (BIGINT) can hold");
            }
        }

        /** The KPI row: grain, totals and ratios, in the order of the table's grain and {@link #MEASURES}. */
        Object[] row(Double valuePerApproved) {
            // Double.parseDouble rounds correctly, as the database's cast of the decimal to DOUBLE PRECISION does.
            long approved = count(approvedConversions, "approved_conversions");
            KpiTotals totals = new KpiTotals(count(impressions, "impressions"), count(clicks, "clicks"),
                    Double.parseDouble(spend.toString()), count(conversions, "conversions"), approved,
                    valuePerApproved == null ? null : approved * valuePerApproved);
            KpiRatios r = KpiRatios.of(totals);
            List<Object> values = new ArrayList<>(grain);
            values.addAll(Arrays.asList(totals.impressions(), totals.clicks(), totals.spend(), totals.conversions(),
                    totals.approvedConversions(), totals.revenue(), r.ctr(), r.cpc(), r.cpm(), r.cvr(), r.cpa(),
                    r.costPerApproved(), r.roas(), r.roi()));
            return values.toArray();
        }
    }

    private static Map<String, String> grainColumns(PipelineDefinition.KpiColumns c) {
        Map<String, String> m = new HashMap<>();
        m.put("campaign_id", c.campaignId());
        m.put("age", c.age());
        m.put("gender", c.gender());
        m.put("interest", c.interest());
        return m;
    }
}
