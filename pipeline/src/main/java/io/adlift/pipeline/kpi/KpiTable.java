package io.adlift.pipeline.kpi;

import java.util.List;

/** A KPI table a definition can ask for: its name in SQL and the grain it groups by. */
enum KpiTable {
    CAMPAIGN("kpi_campaign", List.of("campaign_id")),
    SEGMENT("kpi_segment", List.of("campaign_id", "age", "gender", "interest"));

    private final String table;
    private final List<String> grain;

    KpiTable(String table, List<String> grain) {
        this.table = table;
        this.grain = grain;
    }

    String table() {
        return table;
    }

    List<String> grain() {
        return grain;
    }

    static KpiTable named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
