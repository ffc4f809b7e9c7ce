package io.adlift.pipeline.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An install of Adlift from before it had a schema of its own: its tables in {@code public}, beside
 * whatever else lives there. It is recognised by Adlift's own Flyway history in {@code public} (the one
 * whose first migration is Adlift's Java migration), never by table names alone, so another
 * application's history or tables are never taken for Adlift's.
 *
 * <p>Adlift's tables are the ones created by the migrations its history there records (read from the
 * migration scripts, so a new migration's table is known without a list to keep, and a table of a migration
 * that never ran there is not taken), Flyway's history, and the staging and clean tables runs created
 * ({@code stg_*} and {@code cln_*} that start with Adlift's provenance columns).
 */
final class LegacyInstall {

    private static final String HISTORY = "flyway_schema_history";
    private static final String FIRST_MIGRATION = V1__SpringBatchSchema.class.getName();
    private static final List<String> PROVENANCE = List.of("job_instance_id", "source_file", "source_line");
    private static final Pattern CREATE = Pattern.compile(
            "\\bCREATE\\s+(TABLE|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private final List<String> tables;
    private final List<String> sequences;

    private LegacyInstall(List<String> tables, List<String> sequences) {
        this.tables = tables;
        this.sequences = sequences;
    }

    /** Adlift's tables and sequences in {@code public}, if Adlift's Flyway history is there. */
    static Optional<LegacyInstall> find(Catalog catalog) throws SQLException {
        if (!catalog.hasTable(Catalog.PUBLIC, HISTORY)) {
            return Optional.empty();
        }
        List<String> applied = catalog.strings("SELECT script FROM " + Catalog.qualified(Catalog.PUBLIC, HISTORY)
                + " WHERE success");
        if (!applied.contains(FIRST_MIGRATION)) {
            return Optional.empty();
        }
        Map<String, Set<String>> created = createdBy(applied);
        List<String> tables = new ArrayList<>();
        for (Map.Entry<String, String> relation : catalog.relations(Catalog.PUBLIC).entrySet()) {
            String table = relation.getKey();
            if ("BASE TABLE".equals(relation.getValue()) && (table.equals(HISTORY) || created.get("TABLE").contains(table)
                    || isSourceTable(catalog, table))) {
                tables.add(table);
            }
        }
        List<String> sequences = new ArrayList<>(catalog.sequences(Catalog.PUBLIC));
        sequences.retainAll(created.get("SEQUENCE"));
        return Optional.of(new LegacyInstall(tables, sequences));
    }

    List<String> tables() {
        return tables;
    }

    List<String> sequences() {
        return sequences;
    }

    /**
     * Moves the tables and sequences into {@code schema}, on the catalog's connection and in its
     * transaction (PostgreSQL's DDL is transactional: all move, or none). Indexes, constraints, grants,
     * the sequences of identity columns and the views of other applications over these tables follow.
     */
    void moveTo(Catalog catalog, String schema) throws SQLException {
        for (String table : tables) {
            catalog.execute("ALTER TABLE " + Catalog.qualified(Catalog.PUBLIC, table) + " SET SCHEMA " + Catalog.quote(schema));
        }
        for (String sequence : sequences) {
            catalog.execute("ALTER SEQUENCE " + Catalog.qualified(Catalog.PUBLIC, sequence) + " SET SCHEMA "
                    + Catalog.quote(schema));
        }
    }

    private static boolean isSourceTable(Catalog catalog, String table) throws SQLException {
        if (!table.startsWith("stg_") && !table.startsWith("cln_")) {
            return false;
        }
        List<String> columns = catalog.columns(Catalog.PUBLIC, table).stream().map(c -> c.substring(0, c.indexOf(' ')))
                .toList();
        return columns.size() > PROVENANCE.size() && columns.subList(0, PROVENANCE.size()).equals(PROVENANCE);
    }

    /**
     * {@code TABLE} and {@code SEQUENCE} to the names created by those of Adlift's migrations that are
     * among {@code applied} (Flyway's {@code script} column: the SQL file's name, the Java migration's class,
     * which runs Spring Batch's DDL).
     */
    static Map<String, Set<String>> createdBy(List<String> applied) {
        Map<String, Set<String>> created = new LinkedHashMap<>();
        created.put("TABLE", new LinkedHashSet<>());
        created.put("SEQUENCE", new LinkedHashSet<>());
        try {
            List<Resource> scripts = new ArrayList<>();
            for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
                if (applied.contains(migration.getFilename())) {
                    scripts.add(migration);
                }
            }
            if (applied.contains(FIRST_MIGRATION)) {
                scripts.add(new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"));
            }
            for (Resource script : scripts) {
                Matcher m = CREATE.matcher(script.getContentAsString(StandardCharsets.UTF_8));
                while (m.find()) {
                    created.get(m.group(1).toUpperCase(Locale.ROOT)).add(m.group(2).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Adlift's migration scripts", e);
        }
        return created;
    }
}
