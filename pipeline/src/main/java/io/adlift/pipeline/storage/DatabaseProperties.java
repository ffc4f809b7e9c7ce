package io.adlift.pipeline.storage;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adlift.database.*}: the schema Adlift keeps all its tables in. A plain lower-case SQL name:
 * PostgreSQL and H2 (with {@code DATABASE_TO_LOWER}) fold unquoted names to lower case, so such a name
 * means the same quoted or not, in Adlift's SQL and in a BI user's.
 *
 * @param schema where Adlift's tables are (Spring Batch's, Adlift's own, ShedLock's, Flyway's history)
 */
@ConfigurationProperties("adlift.database")
public record DatabaseProperties(@DefaultValue("adlift") String schema) {

    private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseProperties {
        check("adlift.database.schema", "ADLIFT_DATABASE_SCHEMA", schema);
    }

    private static void check(String key, String variable, String name) {
        if (name == null || !SQL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(key + " (" + variable + ") must be a lower-case SQL name: letters a-z, "
                    + "digits and _, not starting with a digit, at most 63 characters; was '" + name + "'");
        }
    }
}
