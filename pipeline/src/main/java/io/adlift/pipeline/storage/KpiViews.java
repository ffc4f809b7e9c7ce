package io.adlift.pipeline.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KPI tables (every {@code kpi_*} table and {@code model_prediction}), readable in the KPI schema
 * ({@code adlift.database.kpi-schema}) as views of the tables in Adlift's schema, under the same names.
 *
 * <p>Views rather than the tables themselves: the rows stay in one place, written by the KPI step and
 * changed by migrations in Adlift's schema like every other table (unqualified SQL, one Flyway history),
 * and BI users can be granted reading the KPI schema alone (a PostgreSQL view reads its table with its
 * owner's rights), without seeing or writing Adlift's internals.
 *
 * <p>As a Flyway callback: before each migration the views are dropped (PostgreSQL refuses to change the
 * type of a column a view uses), and after every migrate, which runs at each start, a view that is missing
 * or whose columns differ from its table's is created again. An unchanged view is left alone, so a start
 * never waits for the BI queries reading it.
 */
final class KpiViews implements Callback {

    private static final Logger log = LoggerFactory.getLogger(KpiViews.class);
    private static final String VIEW = "VIEW";

    private final DatabaseSchemas schemas;

    KpiViews(DatabaseSchemas schemas) {
        this.schemas = schemas;
    }

    static boolean published(String table) {
        return table.startsWith("kpi_") || table.equals("model_prediction");
    }

    @Override
    public boolean supports(Event event, Context context) {
        return schemas.kpiViews() && (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_MIGRATE);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Catalog catalog = new Catalog(context.getConnection());
            if (event == Event.BEFORE_EACH_MIGRATE) {
                drop(catalog);
            } else {
                inOneTransaction(context.getConnection(), () -> refresh(catalog));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot publish the KPI tables in schema " + schemas.kpi()
                    + " (adlift.database.kpi-schema): " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "adlift-kpi-views";
    }

    /** Drops the views of Adlift's KPI tables from the KPI schema. */
    void drop(Catalog catalog) throws SQLException {
        for (Map.Entry<String, String> relation : catalog.relations(schemas.kpi()).entrySet()) {
            if (VIEW.equals(relation.getValue()) && published(relation.getKey())) {
                catalog.execute("DROP VIEW " + Catalog.qualified(schemas.kpi(), relation.getKey()));
            }
        }
    }

    /** Creates the views that are missing or no longer match their table; returns their names. */
    List<String> refresh(Catalog catalog) throws SQLException {
        Map<String, String> existing = catalog.relations(schemas.kpi());
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, String> table : catalog.relations(schemas.adlift()).entrySet()) {
            String name = table.getKey();
            if (!"BASE TABLE".equals(table.getValue()) || !published(name)) {
                continue;
            }
            String view = Catalog.qualified(schemas.kpi(), name);
            String type = existing.get(name);
            if (type != null && !VIEW.equals(type)) {
                throw new IllegalStateException("schema " + schemas.kpi() + " (adlift.database.kpi-schema) already has a "
                        + "table " + name + ", where Adlift would publish its KPI table " + schemas.adlift() + "." + name
                        + " as a view; rename or drop that table, or choose another KPI schema");
            }
            if (type != null) {
                if (catalog.columns(schemas.kpi(), name).equals(catalog.columns(schemas.adlift(), name))) {
                    continue;
                }
                catalog.execute("DROP VIEW " + view);
            }
            catalog.execute("CREATE VIEW " + view + " AS SELECT * FROM " + Catalog.qualified(schemas.adlift(), name));
            created.add(name);
        }
        if (!created.isEmpty()) {
            log.info("KPI tables readable in schema {} as views of schema {}: {}", schemas.kpi(), schemas.adlift(),
                    String.join(", ", created));
        }
        return created;
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** So that a BI query sees the old view or the new one, never none. */
    private static void inOneTransaction(Connection connection, SqlWork work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            work.run();
            return;
        }
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
