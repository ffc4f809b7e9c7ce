package io.adlift.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The KPI tables' views in the KPI schema, on H2; on PostgreSQL in SharedDatabaseOnPostgresIT. */
class KpiViewsTest {

    private final KpiViews views = new KpiViews(new DatabaseSchemas("adlift", "bi"));

    private static Catalog withTables(Connection db) throws Exception {
        Catalog catalog = new Catalog(db);
        catalog.execute("CREATE SCHEMA adlift");
        catalog.execute("CREATE SCHEMA bi");
        catalog.execute("CREATE TABLE adlift.kpi_campaign (campaign_id VARCHAR(10) PRIMARY KEY, spend DOUBLE PRECISION)");
        catalog.execute("INSERT INTO adlift.kpi_campaign VALUES ('916', 12.5), ('936', 3.0)");
        catalog.execute("CREATE TABLE adlift.model_prediction (row_key VARCHAR(10), prediction DOUBLE PRECISION)");
        catalog.execute("CREATE TABLE adlift.batch_job_instance (job_instance_id BIGINT PRIMARY KEY)");
        catalog.execute("CREATE TABLE adlift.ingest_reject (id BIGINT PRIMARY KEY)");
        return catalog;
    }

    @Test
    void shouldPublishTheKpiTablesAndPredictionsAsViewsWithTheirRowsAndNothingElse() throws Exception {
        try (Connection db = EmbeddedDatabase.open()) {
            Catalog catalog = withTables(db);

            assertThat(views.refresh(catalog)).containsExactly("kpi_campaign", "model_prediction");

            assertThat(catalog.relations("bi")).containsOnlyKeys("kpi_campaign", "model_prediction").containsValue("VIEW");
            assertThat(catalog.strings("SELECT campaign_id FROM bi.kpi_campaign ORDER BY campaign_id")).containsExactly("916", "936");
        }
    }

    @Test
    void shouldLeaveMatchingViewsAloneAndRecreateOnesDroppedForAMigration() throws Exception {
        try (Connection db = EmbeddedDatabase.open()) {
            Catalog catalog = withTables(db);
            views.refresh(catalog);

            assertThat(views.refresh(catalog)).isEmpty();

            views.drop(catalog);
            assertThat(catalog.relations("bi")).isEmpty();
            catalog.execute("ALTER TABLE adlift.kpi_campaign ADD COLUMN clicks BIGINT");
            assertThat(views.refresh(catalog)).containsExactly("kpi_campaign", "model_prediction");
            assertThat(catalog.columns("bi", "kpi_campaign")).isEqualTo(catalog.columns("adlift", "kpi_campaign"))
                    .hasSize(3);
        }
    }

    @Test
    void shouldRefuseToReplaceATableOfTheKpiSchemaNamingTheSetting() throws Exception {
        try (Connection db = EmbeddedDatabase.open()) {
            Catalog catalog = withTables(db);
            catalog.execute("CREATE TABLE bi.kpi_campaign (budget DOUBLE PRECISION)");

            assertThatThrownBy(() -> views.refresh(catalog)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("adlift.database.kpi-schema").hasMessageContaining("bi")
                    .hasMessageContaining("kpi_campaign");
            assertThat(catalog.relations("bi")).containsEntry("kpi_campaign", "BASE TABLE");
        }
    }
}
