package io.adlift.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabasePropertiesTest {

    @Test
    void shouldRefuseANameThatIsNotALowerCaseSqlNameNamingTheSettingAndItsVariable() {
        assertThatThrownBy(() -> new DatabaseProperties("Adlift"))
                .hasMessageStartingWith("adlift.database.schema (ADLIFT_DATABASE_SCHEMA) must be a lower-case SQL name")
                .hasMessageEndingWith("was 'Adlift'");
        assertThatThrownBy(() -> new DatabaseProperties("ad-lift")).hasMessageContaining("was 'ad-lift'");
        assertThatThrownBy(() -> new DatabaseProperties("")).hasMessageContaining("adlift.database.schema");
    }
}
