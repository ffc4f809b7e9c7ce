package io.adlift.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The schema decisions on H2; moving an old install on PostgreSQL is tested there (PublicSchemaUpgradeOnPostgresIT). */
class SchemaPreparationTest {

    @Test
    void shouldCreateAdliftsSchemaAndTheKpiSchemaWhenMissing() throws Exception {
        try (Connection db = EmbeddedDatabase.open()) {
            DatabaseSchemas schemas = new SchemaPreparation(new DatabaseProperties("adlift", "bi")).prepare(db);

            assertThat(schemas).isEqualTo(new DatabaseSchemas("adlift", "bi"));
            assertThat(schemas.kpiViews()).isTrue();
            Catalog catalog = new Catalog(db);
            assertThat(catalog.hasSchema("adlift")).isTrue();
            assertThat(catalog.hasSchema("bi")).isTrue();
        }
    }

    @Test
    void shouldReadTheKpiTablesInAdliftsSchemaWhenNoKpiSchemaIsSet() throws Exception {
        try (Connection db = EmbeddedDatabase.open()) {
            DatabaseSchemas schemas = new SchemaPreparation(new DatabaseProperties("analytics", "")).prepare(db);

            assertThat(schemas).isEqualTo(new DatabaseSchemas("analytics", "analytics"));
            assertThat(schemas.kpiViews()).isFalse();
        }
    }

    @Test
    void shouldKeepAnEmbeddedInstallOfTheOldLayoutInPublicSinceH2CannotMoveTables() throws Exception {
        try (Connection db = EmbeddedDatabase.open()) {
            Catalog catalog = new Catalog(db);
            EmbeddedDatabase.adliftHistoryInPublic(catalog);
            catalog.execute("CREATE TABLE public.batch_job_instance (job_instance_id BIGINT PRIMARY KEY)");

            DatabaseSchemas schemas = new SchemaPreparation(new DatabaseProperties("adlift", null)).prepare(db);

            assertThat(schemas).isEqualTo(new DatabaseSchemas("public", "public"));
            assertThat(catalog.hasTable("public", "batch_job_instance")).isTrue();
            assertThat(catalog.hasSchema("adlift")).isFalse();
        }
    }

    @Test
    void shouldUseItsSchemaOnceItHasAHistoryThereAndTakeNoOtherApplicationsHistoryForItsOwn() throws Exception {
        try (Connection db = EmbeddedDatabase.open()) {
            Catalog catalog = new Catalog(db);
            EmbeddedDatabase.historyInPublic(catalog);
            catalog.execute("INSERT INTO public.flyway_schema_history VALUES (1, '1', 'V1__customers.sql', TRUE)");

            assertThat(new SchemaPreparation(new DatabaseProperties("adlift", null)).prepare(db))
                    .isEqualTo(new DatabaseSchemas("adlift", "adlift"));

            catalog.execute("CREATE TABLE adlift.flyway_schema_history (installed_rank INT PRIMARY KEY)");
            catalog.execute("DROP TABLE public.flyway_schema_history");
            EmbeddedDatabase.adliftHistoryInPublic(catalog);
            assertThat(new SchemaPreparation(new DatabaseProperties("adlift", null)).prepare(db))
                    .isEqualTo(new DatabaseSchemas("adlift", "adlift"));
        }
    }
}
