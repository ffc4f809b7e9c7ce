package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Adlift in an analytics database it shares: {@code public} already holds another application's tables
 * with rows, a foreign key, that application's own Flyway history and a table named like one of Adlift's.
 * Adlift keeps to its schema ({@code adlift}), and BI reads the KPI tables in {@code bi}.
 */
class SharedDatabaseOnPostgresIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final String BI = TestDatabase.KPI_SCHEMA;

    @TempDir
    static Path dataDir;

    private static Map<String, Object> publicBefore;
    private static Adlift.Result run;

    @BeforeAll
    static void fillPublicWithAnotherApplicationsTablesThenRunAdlift() {
        TestDatabase.reset();
        JdbcTemplate jdbc = TestDatabase.jdbc();
        jdbc.execute("CREATE TABLE public.customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, since DATE)");
        jdbc.execute("INSERT INTO public.customers VALUES (1, 'Ada', DATE '2024-01-05'), (2, 'Grace', DATE '2024-02-11'), "
                + "(3, 'Edsger', NULL)");
        jdbc.execute("CREATE TABLE public.orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL "
                + "REFERENCES public.customers (id), amount NUMERIC(10, 2) NOT NULL)");
        jdbc.execute("CREATE INDEX orders_by_customer ON public.orders (customer_id)");
        jdbc.execute("INSERT INTO public.orders VALUES (10, 1, 19.90), (11, 1, 5.00), (12, 3, 120.00)");
        // The other application migrates public with Flyway too: its history is not Adlift's.
        jdbc.execute("CREATE TABLE public.flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50), "
                + "description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, "
                + "checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL, "
                + "execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
        jdbc.execute("INSERT INTO public.flyway_schema_history VALUES (1, '1', 'customers', 'SQL', 'V1__customers.sql', "
                + "-81234, 'crm', TIMESTAMP '2024-01-01 10:00:00', 12, TRUE)");
        // A BI team's own table, named like Adlift's KPI table.
        jdbc.execute("CREATE TABLE public.kpi_campaign (campaign VARCHAR(50) PRIMARY KEY, budget NUMERIC(12, 2))");
        jdbc.execute("INSERT INTO public.kpi_campaign VALUES ('spring-sale', 5000.00)");
        publicBefore = publicSchema();

        run = Adlift.onPostgres(dataDir).with("--adlift.database.kpi-schema=" + BI)
                .run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-02-01");
    }

    @Test
    void shouldRunAndLeaveTheOtherApplicationsTablesTheirRowsAndDefinitionsAsTheyWere() {
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("1143 rows read, 1143 staged, 0 rejected at ingest").contains("KPI table kpi_campaign: 3 rows");

        assertThat(publicSchema()).isEqualTo(publicBefore);
        assertThat(relations("public")).containsOnlyKeys("customers", "orders", "flyway_schema_history", "kpi_campaign");
    }

    @Test
    void shouldKeepAdliftsTablesSequencesAndFlywayHistoryInItsOwnSchema() {
        assertThat(run.exitCode()).as(run.all()).isZero();
        Map<String, String> adlift = relations(TestDatabase.SCHEMA);
        for (String table : List.of("batch_job_instance", "batch_job_execution", "batch_job_execution_params",
                "batch_step_execution", "batch_step_execution_context", "batch_job_execution_context", "flyway_schema_history",
                "ingest_reject", "kpi_campaign", "kpi_segment", "model_metric", "model_trial", "deployment", "run_process",
                "shedlock", "stg_ad_conversions_ads", "cln_ad_conversions_ads")) {
            assertThat(adlift).as("schema adlift").containsEntry(table, "BASE TABLE");
        }
        assertThat(TestDatabase.jdbc().queryForList("SELECT sequence_name FROM information_schema.sequences "
                + "WHERE sequence_schema = ? ORDER BY 1", String.class, TestDatabase.SCHEMA))
                .contains("batch_job_execution_seq", "batch_job_instance_seq", "batch_step_execution_seq");
        assertThat(TestDatabase.jdbc().queryForList("SELECT version FROM adlift.flyway_schema_history "
                + "WHERE success AND version IS NOT NULL ORDER BY installed_rank", String.class))
                .containsExactlyElementsOf(TestDatabase.migrationVersions());
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM adlift.stg_ad_conversions_ads")).isEqualTo(1143);
    }

    @Test
    void shouldMakeTheKpiTablesReadableInTheBiSchemaWithTheSameRowsAndLeaveThemAloneOnTheNextStart() {
        assertThat(run.exitCode()).as(run.all()).isZero();
        Map<String, String> bi = relations(BI);
        assertThat(bi).containsEntry("kpi_campaign", "VIEW").containsEntry("kpi_segment", "VIEW")
                .containsEntry("model_prediction", "VIEW").doesNotContainKeys("batch_job_instance", "ingest_reject", "deployment");
        assertThat(bi.values()).containsOnly("VIEW");
        String order = " ORDER BY pipeline, business_date, campaign_id";
        assertThat(TestDatabase.rows("SELECT * FROM bi.kpi_campaign" + order)).hasSize(3)
                .isEqualTo(TestDatabase.rows("SELECT * FROM adlift.kpi_campaign" + order));
        assertThat(TestDatabase.rows("SELECT * FROM bi.kpi_segment" + order + ", age, gender, interest"))
                .hasSize(454).isEqualTo(TestDatabase.rows("SELECT * FROM adlift.kpi_segment" + order + ", age, gender, interest"));
        long view = viewOid();

        Adlift.Result runs = Adlift.onPostgres(dataDir).with("--adlift.database.kpi-schema=" + BI).run("runs");

        assertThat(runs.exitCode()).as(runs.all()).isZero();
        assertThat(viewOid()).as("an unchanged view is not created again").isEqualTo(view);
    }

    private static long viewOid() {
        return TestDatabase.count("SELECT CAST(CAST('bi.kpi_campaign' AS regclass) AS oid)");
    }

    private static Map<String, String> relations(String schema) {
        Map<String, String> relations = new LinkedHashMap<>();
        TestDatabase.rows("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ?", schema)
                .forEach(r -> relations.put((String) r.get("table_name"), (String) r.get("table_type")));
        return relations;
    }

    /** Every table of public with its columns, constraints, indexes and rows. */
    private static Map<String, Object> publicSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        for (String table : TestDatabase.jdbc().queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' ORDER BY 1", String.class)) {
            schema.put(table + " columns", TestDatabase.rows("SELECT column_name, data_type, character_maximum_length, "
                    + "numeric_precision, numeric_scale, is_nullable, column_default FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", table));
            schema.put(table + " constraints", TestDatabase.rows("SELECT conname, pg_get_constraintdef(oid) AS def "
                    + "FROM pg_constraint WHERE conrelid = CAST(CAST(? AS regclass) AS oid) ORDER BY conname", "public." + table));
            schema.put(table + " indexes", TestDatabase.rows("SELECT indexname, indexdef FROM pg_indexes "
                    + "WHERE schemaname = 'public' AND tablename = ? ORDER BY indexname", table));
            schema.put(table + " rows", TestDatabase.rows("SELECT * FROM public." + table + " ORDER BY 1"));
        }
        return schema;
    }
}
