package io.adlift.pipeline.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies the database's schemas on a connection of its own, before the connection pool (whose
 * connections all resolve names in Adlift's schema, and on H2 cannot while it is missing) and Flyway
 * (which then migrates in that schema alone, and so never minds what else {@code public} holds):
 *
 * <ul>
 *   <li>On PostgreSQL, an install from before Adlift had a schema of its own (its Flyway history in
 *       {@code public}, none in Adlift's schema) is moved into Adlift's schema, in one transaction: its
 *       runs, KPI rows and models' records stay, and so does everything else in {@code public}.</li>
 *   <li>On H2, which cannot move a table to another schema, such an install stays in {@code public}: the
 *       embedded database is Adlift's own file, so nothing else is there to share it with.</li>
 *   <li>Adlift's schema and the KPI schema are created when missing.</li>
 * </ul>
 *
 * On PostgreSQL an advisory lock makes processes that start together (two schedulers) prepare one
 * after the other; the second finds the work done.
 */
final class SchemaPreparation {

    private static final Logger log = LoggerFactory.getLogger(SchemaPreparation.class);
    /** "Adlift" in ASCII: the key of the advisory lock held while a process prepares the schemas. */
    private static final long LOCK = 0x41646c696674L;

    private final DatabaseProperties settings;

    SchemaPreparation(DatabaseProperties settings) {
        this.settings = settings;
    }

    DatabaseSchemas prepare(Connection connection) throws SQLException {
        Catalog catalog = new Catalog(connection);
        connection.setAutoCommit(false);
        try {
            if (catalog.postgres()) {
                catalog.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            }
            String schema = adliftSchema(catalog);
            createIfMissing(catalog, schema);
            String kpi = settings.kpiSchema() != null ? settings.kpiSchema() : schema;
            createIfMissing(catalog, kpi);
            connection.commit();
            return new DatabaseSchemas(schema, kpi);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The configured schema, with an install of the old layout moved into it; or public, for one on H2. */
    private String adliftSchema(Catalog catalog) throws SQLException {
        String schema = settings.schema();
        if (schema.equals(Catalog.PUBLIC) || catalog.hasTable(schema, "flyway_schema_history")) {
            return schema;
        }
        Optional<LegacyInstall> legacy = LegacyInstall.find(catalog);
        if (legacy.isEmpty()) {
            return schema;
        }
        if (!catalog.postgres()) {
            log.info("This H2 database keeps Adlift's tables in schema public, where an earlier Adlift created them "
                    + "(H2 cannot move tables to schema {} of adlift.database.schema)", schema);
            return Catalog.PUBLIC;
        }
        createIfMissing(catalog, schema);
        legacy.get().moveTo(catalog, schema);
        log.info("Moved Adlift's tables from schema public into schema {} (adlift.database.schema): {} tables ({}) "
                + "and {} sequences ({}); the rest of public is left as it was", schema, legacy.get().tables().size(),
                String.join(", ", legacy.get().tables()), legacy.get().sequences().size(),
                String.join(", ", legacy.get().sequences()));
        return schema;
    }

    private static void createIfMissing(Catalog catalog, String schema) throws SQLException {
        if (catalog.createSchemaIfMissing(schema)) {
            log.info("Created schema {}", schema);
        }
    }
}
