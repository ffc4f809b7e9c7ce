package io.adlift.pipeline.storage;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adlift.database.*}: the schema Adlift keeps all its tables in, and the schema BI tools read the
 * KPI tables from. Both are plain lower-case SQL names: PostgreSQL and H2 (with {@code DATABASE_TO_LOWER})
 * fold unquoted names to lower case, so such a name means the same quoted or not, in Adlift's SQL and in
 * a BI user's.
 *
 * @param schema    where Adlift's tables are (Spring Batch's, Adlift's own, ShedLock's, Flyway's history)
 * @param kpiSchema where the KPI tables can be read; empty means {@code schema} itself
 */
@ConfigurationProperties("adlift.database")
public record DatabaseProperties(@DefaultValue("adlift") String schema, String kpiSchema) {

    private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseProperties {
        check("adlift.database.schema", "ADLIFT_DATABASE_SCHEMA", schema);
        kpiSchema = kpiSchema == null || kpiSchema.isBlank() ? null : kpiSchema;
        if (kpiSchema != null) {
            check("adlift.database.kpi-schema", "ADLIFT_DATABASE_KPI_SCHEMA", kpiSchema);
        }
    }

    private static void check(String key, String variable, String name) {
        if (name == null || !SQL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(key + " (" + variable + ") must be a lower-case SQL name: letters a-z, "
                    + "digits and _, not starting with a digit, at most 63 characters; was '" + name + "'");
        }
    }
}
