package io.adlift.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recognising an install of the old layout in public; moving one is tested on PostgreSQL (PublicSchemaUpgradeOnPostgresIT). */
class LegacyInstallTest {

    @Test
    void shouldKnowTheTablesAndSequencesAdliftsAppliedMigrationsCreate() {
        var created = LegacyInstall.createdBy(List.of("io.adlift.pipeline.storage.V1__SpringBatchSchema", "V2__adlift_tables.sql",
                "V3__run_process.sql", "V4__schedule_lock.sql", "V5__wider_grains_and_unique_versions.sql",
                "V6__data_model_kpis.sql", "V7__model_trial.sql"));

        assertThat(created.get("TABLE")).contains("batch_job_instance", "batch_job_execution", "batch_step_execution_context",
                "ingest_reject", "kpi_campaign", "kpi_segment", "deployment", "run_process", "shedlock", "kpi_influencer_summary",
                "model_prediction", "model_trial");
        assertThat(created.get("SEQUENCE")).containsExactlyInAnyOrder("batch_job_instance_seq", "batch_job_execution_seq",
                "batch_step_execution_seq");
        assertThat(LegacyInstall.createdBy(List.of("V2__adlift_tables.sql")).get("TABLE"))
                .contains("kpi_campaign", "deployment").doesNotContain("batch_job_instance", "kpi_daily", "model_trial");
    }

    @Test
    void shouldFindAdliftsTablesInPublicByItsHistoryAndLeaveOthersTablesOut() throws Exception {
        try (Connection db = EmbeddedDatabase.open()) {
            Catalog catalog = new Catalog(db);
            assertThat(LegacyInstall.find(catalog)).isEmpty();
            EmbeddedDatabase.adliftHistoryInPublic(catalog);
            catalog.execute("CREATE TABLE public.kpi_campaign (campaign_id VARCHAR(10))");
            catalog.execute("CREATE TABLE public.stg_ad_conversions_ads (job_instance_id BIGINT NOT NULL, "
                    + "source_file VARCHAR(1000) NOT NULL, source_line BIGINT NOT NULL, \"age\" VARCHAR(10))");
            catalog.execute("CREATE SEQUENCE public.batch_job_instance_seq");
            // another application's: a dbt-style staging model, a table, a sequence
            catalog.execute("CREATE TABLE public.stg_orders (order_id BIGINT, source_file VARCHAR(100))");
            catalog.execute("CREATE TABLE public.customers (id BIGINT)");
            catalog.execute("CREATE SEQUENCE public.customer_ids");
            catalog.execute("CREATE TABLE public.kpi_daily (activity_date DATE)"); // V6's table, but V6 never ran here
            catalog.execute("CREATE VIEW public.stg_recent AS SELECT * FROM public.stg_ad_conversions_ads");

            LegacyInstall install = LegacyInstall.find(catalog).orElseThrow();

            assertThat(install.tables()).containsExactlyInAnyOrder("flyway_schema_history", "kpi_campaign", "stg_ad_conversions_ads");
            assertThat(install.sequences()).containsExactly("batch_job_instance_seq");
        }
    }
}
