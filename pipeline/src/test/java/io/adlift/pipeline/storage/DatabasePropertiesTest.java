package io.adlift.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabasePropertiesTest {

    @Test
    void shouldTakeAnEmptyKpiSchemaForAdliftsOwn() {
        assertThat(new DatabaseProperties("adlift", " ").kpiSchema()).isNull();
        assertThat(new DatabaseProperties("adlift", "bi_reports").kpiSchema()).isEqualTo("bi_reports");
    }

    @Test
    void shouldRefuseANameThatIsNotALowerCaseSqlNameNamingTheSettingAndItsVariable() {
        assertThatThrownBy(() -> new DatabaseProperties("Adlift", null))
                .hasMessageStartingWith("adlift.database.schema (ADLIFT_DATABASE_SCHEMA) must be a lower-case SQL name")
                .hasMessageEndingWith("was 'Adlift'");
        assertThatThrownBy(() -> new DatabaseProperties("adlift", "bi-reports"))
                .hasMessageStartingWith("adlift.database.kpi-schema (ADLIFT_DATABASE_KPI_SCHEMA) must be");
        assertThatThrownBy(() -> new DatabaseProperties("", null)).hasMessageContaining("adlift.database.schema");
    }
}
