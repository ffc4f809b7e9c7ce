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

    /** {@link #count}, or 0 while the table it reads does not exist yet (before the first run migrates the schema). */
    public static long countOnceCreated(String sql, Object... args) {
        try {
            return count(sql, args);
        } catch (RuntimeException tableNotCreatedYet) {
            return 0;
        }
    }

    /** {@code kpi_campaign}'s impressions by campaign, as {@link AdFile#impressions} has them. */
    static Map<String, Long> impressionsByCampaign() {
        Map<String, Long> kpi = new java.util.TreeMap<>();
        rows("SELECT campaign_id, impressions FROM kpi_campaign")
                .forEach(r -> kpi.put((String) r.get("campaign_id"), ((Number) r.get("impressions")).longValue()));
        return kpi;
    }
}
