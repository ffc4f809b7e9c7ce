package io.adlift.pipeline.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A private in-memory H2 database in the embedded default's mode, for the schema tests. */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    /** A Flyway history in public whose first migration is Adlift's, as versions before schemas left it. */
    static void adliftHistoryInPublic(Catalog catalog) throws SQLException {
        historyInPublic(catalog);
        catalog.execute("INSERT INTO public.flyway_schema_history VALUES (1, '1', '" + V1__SpringBatchSchema.class.getName()
                + "', TRUE), (2, '2', 'V2__adlift_tables.sql', TRUE)");
    }

    /** An empty Flyway history in public (the columns that matter here). */
    static void historyInPublic(Catalog catalog) throws SQLException {
        catalog.execute("CREATE TABLE public.flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50), "
                + "script VARCHAR(1000) NOT NULL, success BOOLEAN NOT NULL)");
    }
}
