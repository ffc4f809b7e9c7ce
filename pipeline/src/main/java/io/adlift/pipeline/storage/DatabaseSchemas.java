package io.adlift.pipeline.storage;

/**
 * The schemas this start of Adlift works in, as {@link SchemaPreparation} found and readied them: every
 * pooled connection and Flyway resolve unqualified names in {@code adlift}; the KPI tables are readable
 * in {@code kpi} too (as views) when it is another schema.
 *
 * @param adlift the schema holding Adlift's tables ({@code adlift.database.schema}, or {@code public} for an
 *               embedded H2 database created before Adlift had a schema of its own)
 * @param kpi    the schema BI tools read the KPI tables from ({@code adlift.database.kpi-schema})
 */
public record DatabaseSchemas(String adlift, String kpi) {

    /** Whether the KPI tables are published as views in a schema of their own. */
    public boolean kpiViews() {
        return !kpi.equals(adlift);
    }
}
