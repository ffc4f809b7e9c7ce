package io.adlift.pipeline.storage;

import io.adlift.steps.ingest.ColumnSpec;
import io.adlift.steps.ingest.ColumnType;
import io.adlift.steps.ingest.SourceSchema;
import io.adlift.pipeline.definition.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staging and clean tables of one source of one pipeline, shaped by its schema:
 * {@code stg_<pipeline>_<source>} holds every typed row as ingested, {@code cln_<pipeline>_<source>}
 * the rows that passed the cleaning rules; both carry the split label given at ingest. Rows carry the job instance that
 * ingested them and their file and line, so a reject can point at its origin and a rerun never mixes
 * with another run's rows.
 */
public final class SourceTables {

    private final String staging;
    private final String clean;
    private final SourceSchema schema;

    public SourceTables(String pipeline, SourceSchema schema) {
        String base = identifier(pipeline) + "_" + identifier(schema.source());
        this.staging = "stg_" + base;
        this.clean = "cln_" + base;
        this.schema = schema;
    }

    /** The tables of every source of {@code pipeline}, in declaration order. */
    public static Map<String, SourceTables> of(Pipeline pipeline) {
        Map<String, SourceTables> tables = new LinkedHashMap<>();
        pipeline.sourceNames().forEach(s -> tables.put(s, new SourceTables(pipeline.name(), pipeline.schema(s))));
        return tables;
    }

    public static String identifier(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    public String staging() {
        return staging;
    }

    public String clean() {
        return clean;
    }

    public SourceSchema schema() {
        return schema;
    }

    /**
     * The SQL name of the source column {@code name}, quoted: a column may be called {@code group} or
     * {@code value}, words that PostgreSQL or H2 reserve.
     */
    public String column(String name) {
        return quote(schema.require(name));
    }

    public List<String> columns() {
        return schema.columns().stream().map(SourceTables::quote).toList();
    }

    private static String quote(ColumnSpec column) {
        return '"' + column.sqlName() + '"';
    }

    /**
     * Creates both tables if missing, and adds columns a changed definition declares since. Staging
     * has no primary key: it is a bulk landing area written only by ingest, whose reconciliation proves
     * the row counts, and maintaining a key index there would cost ingest as much as the load itself.
     */
    public void create(JdbcTemplate jdbc) {
        createTable(jdbc, staging, "");
        createTable(jdbc, clean, ", PRIMARY KEY (job_instance_id, source_file, source_line)");
        for (String table : List.of(staging, clean)) {
            jdbc.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS data_split VARCHAR(5)");
            for (ColumnSpec c : schema.columns()) {
                jdbc.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + quote(c) + " " + sqlType(c.type()));
            }
        }
    }

    private void createTable(JdbcTemplate jdbc, String table, String extra) {
        String columns = schema.columns().stream().map(c -> quote(c) + " " + sqlType(c.type()))
                .collect(Collectors.joining(", "));
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (job_instance_id BIGINT NOT NULL, "
                + "source_file VARCHAR(1000) NOT NULL, source_line BIGINT NOT NULL, " + columns + ", data_split VARCHAR(5)"
                + extra + ")");
    }

    /**
     * The staging table's columns in the order a staged row's values come: provenance, the schema's,
     * then the split label ingest gives the rows of the split's source.
     */
    public List<String> stagingColumns() {
        List<String> cols = new java.util.ArrayList<>(List.of("job_instance_id", "source_file", "source_line"));
        cols.addAll(columns());
        cols.add("data_split");
        return cols;
    }

    static String sqlType(ColumnType type) {
        return switch (type) {
            case STRING -> "VARCHAR(" + ColumnType.MAX_TEXT_LENGTH + ")";
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case BOOLEAN -> "BOOLEAN";
        };
    }
}
