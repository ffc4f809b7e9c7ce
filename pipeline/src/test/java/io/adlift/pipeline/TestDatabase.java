package io.adlift.pipeline;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real PostgreSQL the integration tests run against, started by {@code .ci/services} in Maven's
 * pre-integration-test phase. Each test class starts from an empty schema.
 */
public final class TestDatabase {

    static final String USER = "adlift";
    static final String PASSWORD = "adlift";

    private TestDatabase() {
    }

    static String url() {
        return System.getProperty("adlift.test.jdbc-url", "jdbc:postgresql://127.0.0.1:55432/adlift");
    }

    public static JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), USER, PASSWORD));
    }

    /** Drops everything, so Flyway migrates a fresh schema on the next start. */
    public static void reset() {
        JdbcTemplate jdbc = jdbc();
        jdbc.execute("DROP SCHEMA public CASCADE");
        jdbc.execute("CREATE SCHEMA public");
    }

    public static List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc().queryForList(sql, args);
    }

    public static long count(String sql, Object... args) {
        Long n = jdbc().queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
