package io.adlift.pipeline.storage;

import java.sql.Connection;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Version 1 of the schema (Flyway reads the version from the class name): Spring Batch's job repository tables, from the DDL script that ships in
 * the spring-batch-core jar for the database at hand. Flyway owns the whole schema, so the job
 * repository and Adlift's tables are created in one ordered history on PostgreSQL and H2 alike, and a
 * Spring Batch upgrade that changes its DDL shows up as a migration to write, not a silent mismatch.
 */
@Component
class V1__SpringBatchSchema extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        return 6_000; // Spring Batch 6 schema
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String vendor = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : null;
        if (vendor == null) {
            throw new IllegalStateException("Adlift supports PostgreSQL and H2, not " + product);
        }
        ScriptUtils.executeSqlScript(connection,
                new ClassPathResource("org/springframework/batch/core/schema-" + vendor + ".sql"));
    }
}
