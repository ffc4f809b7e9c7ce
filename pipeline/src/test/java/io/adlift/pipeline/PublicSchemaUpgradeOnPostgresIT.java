package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An install from before Adlift had a schema of its own: its tables, sequences and Flyway history in
 * {@code public} (the layout {@code adlift.database.schema=public} still gives), with another
 * application's table beside them. Started with the default, Adlift moves its install into schema
 * {@code adlift}, keeps its run history and carries on from it.
 */
class PublicSchemaUpgradeOnPostgresIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final String[] OLD_RUN = {"run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-04-01"};
    private static final String OLD_DATE = " WHERE business_date = DATE '2026-04-01' ORDER BY campaign_id";

    @TempDir
    static Path dataDir;

    private static long oldExecution;
    private static List<Map<String, Object>> oldKpiRows;
    private static Adlift.Result upgrade;

    @BeforeAll
    static void installTheOldLayoutRunAPipelineThenStartWithTheDefault() {
        TestDatabase.reset();
        Adlift.Result old = Adlift.onPostgres(dataDir).with("--adlift.database.schema=public").run(OLD_RUN);
        assertThat(old.exitCode()).as(old.all()).isZero();
        oldExecution = AdConversionsOnPostgresIT.executionId(old);
        oldKpiRows = TestDatabase.rows("SELECT * FROM public.kpi_campaign" + OLD_DATE);
        TestDatabase.jdbc().execute("CREATE TABLE public.customers (id BIGINT PRIMARY KEY, name VARCHAR(100))");
        TestDatabase.jdbc().execute("INSERT INTO public.customers VALUES (1, 'Ada')");

        upgrade = Adlift.onPostgres(dataDir).run("runs", "--json");
    }

    @Test
    void shouldMoveTheInstallIntoItsSchemaSayingWhatMovedAndStillListTheEarlierRun() throws Exception {
        assertThat(upgrade.exitCode()).as(upgrade.all()).isZero();
        assertThat(upgrade.err()).contains("Moved Adlift's tables from schema public into schema adlift")
                .contains("batch_job_instance").contains("kpi_campaign").contains("stg_ad_conversions_ads")
                .contains("batch_job_execution_seq");
        JsonNode runs = new ObjectMapper().readTree(upgrade.out());
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.get("executionId").asLong()).isEqualTo(oldExecution);
            assertThat(r.get("businessDate").asText()).isEqualTo("2026-04-01");
            assertThat(r.get("status").asText()).isEqualTo("COMPLETED");
        });

        assertThat(TestDatabase.jdbc().queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", String.class)).containsExactly("customers");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM public.customers")).isOne();
        assertThat(TestDatabase.jdbc().queryForList("SELECT sequence_name FROM information_schema.sequences "
                + "WHERE sequence_schema = 'public'", String.class)).isEmpty();
        assertThat(TestDatabase.rows("SELECT * FROM adlift.kpi_campaign" + OLD_DATE)).hasSize(3).isEqualTo(oldKpiRows);
        assertThat(TestDatabase.jdbc().queryForList("SELECT version FROM adlift.flyway_schema_history "
                + "WHERE success AND version IS NOT NULL ORDER BY installed_rank", String.class))
                .containsExactlyElementsOf(TestDatabase.migrationVersions());
    }

    @Test
    void shouldKnowTheEarlierRunAsCompletedAndNumberNewRunsAfterIt() {
        Adlift.Result again = Adlift.onPostgres(dataDir).run(OLD_RUN);
        Adlift.Result next = Adlift.onPostgres(dataDir)
                .run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-04-02");

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("Already completed");
        assertThat(next.exitCode()).as(next.all()).isZero();
        assertThat(AdConversionsOnPostgresIT.executionId(next)).isGreaterThan(oldExecution);
        assertThat(next.err()).doesNotContain("Moved Adlift's tables");
        assertThat(TestDatabase.count("SELECT COUNT(DISTINCT business_date) FROM kpi_campaign")).isEqualTo(2);
    }

    @Test
    void shouldKeepBiQueriesOfPublicWorkingWhenTheKpiSchemaIsPublic() {
        Adlift.Result runs = Adlift.onPostgres(dataDir).with("--adlift.database.kpi-schema=public").run("runs");

        assertThat(runs.exitCode()).as(runs.all()).isZero();
        assertThat(TestDatabase.jdbc().queryForList("SELECT table_type FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_name = 'kpi_campaign'", String.class)).containsExactly("VIEW");
        assertThat(TestDatabase.rows("SELECT * FROM public.kpi_campaign" + OLD_DATE)).isEqualTo(oldKpiRows);
    }
}
