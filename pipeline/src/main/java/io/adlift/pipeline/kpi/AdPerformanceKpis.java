package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.steps.kpi.KpiRatios;
import io.adlift.steps.kpi.KpiTotals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Integer> written = new LinkedHashMap<>();
        for (String name : kpi.tables()) {
            KpiTable table = KpiTable.named(name);
            written.put(table.table(), write(run, kpi, tables, table));
        }
        return written;
    }

    private static int write(KpiRun run, PipelineDefinition.Kpi kpi, SourceTables tables, KpiTable table) {
        Map<String, String> grainColumns = grainColumns(kpi.columns());
        String grainSelect = table.grain().stream()
                .map(g -> "COALESCE(CAST(s." + tables.column(grainColumns.get(g)) + " AS VARCHAR(1000)), '') AS " + g)
                .collect(Collectors.joining(", "));
        String groupBy = table.grain().stream().map(g -> "s." + tables.column(grainColumns.get(g)))
                .collect(Collectors.joining(", "));
        PipelineDefinition.KpiColumns c = kpi.columns();
        String sql = "SELECT " + grainSelect
                + ", SUM(s." + tables.column(c.impressions()) + ") AS impressions"
                + ", SUM(s." + tables.column(c.clicks()) + ") AS clicks"
                + ", " + KpiRun.exactSum("s." + tables.column(c.spend())) + " AS spend"
                + ", SUM(s." + tables.column(c.conversions()) + ") AS conversions"
                + ", SUM(s." + tables.column(c.approvedConversions()) + ") AS approved_conversions"
                + " FROM " + tables.clean() + " s WHERE s.job_instance_id = ? GROUP BY " + groupBy;
        List<Object[]> rows = run.jdbc().query(sql, (rs, i) -> row(rs, table, kpi.valuePerApprovedConversion()),
                run.jobInstanceId());
        List<String> columns = new ArrayList<>(table.grain());
        columns.addAll(MEASURES);
        return run.replaceRows(table.table(), columns, rows);
    }

    private static Object[] row(ResultSet rs, KpiTable table, Double valuePerApproved) throws SQLException {
        long approved = rs.getLong("approved_conversions");
        KpiTotals totals = new KpiTotals(rs.getLong("impressions"), rs.getLong("clicks"), rs.getDouble("spend"),
                rs.getLong("conversions"), approved, valuePerApproved == null ? null : approved * valuePerApproved);
        KpiRatios r = KpiRatios.of(totals);
        List<Object> values = new ArrayList<>();
        for (String g : table.grain()) {
            values.add(rs.getString(g));
        }
        values.addAll(Arrays.asList(totals.impressions(), totals.clicks(), totals.spend(), totals.conversions(),
                totals.approvedConversions(), totals.revenue(), r.ctr(), r.cpc(), r.cpm(), r.cvr(), r.cpa(),
                r.costPerApproved(), r.roas(), r.roi()));
        return values.toArray();
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
