package io.adlift.pipeline;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real PostgreSQL the integration tests run against, started by {@code .ci/services} in Maven's
 * pre-integration-test phase. Each test class starts from an empty database. Queries resolve unqualified
 * names in Adlift's schema, as Adlift's own do.
 */
public final class TestDatabase {

    static final String USER = "adlift";
    static final String PASSWORD = "adlift";
    /** Adlift's schema by default ({@code adlift.database.schema}). */
    public static final String SCHEMA = "adlift";
    /** The KPI schema the tests that set {@code adlift.database.kpi-schema} use. */
    public static final String KPI_SCHEMA = "bi";

    private TestDatabase() {
    }

    static String url() {
        return System.getProperty("adlift.test.jdbc-url", "jdbc:postgresql://127.0.0.1:55432/adlift");
    }

    public static JdbcTemplate jdbc() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url(), USER, PASSWORD);
        dataSource.setSchema(SCHEMA);
        return new JdbcTemplate(dataSource);
    }

    /**
     * Drops Adlift's schema and the tests' KPI schema, so Flyway migrates afresh on the next start, and
     * empties {@code public}, where tests put other applications' tables or an install of the old layout.
     */
    public static void reset() {
        JdbcTemplate jdbc = jdbc();
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        jdbc.execute("DROP SCHEMA IF EXISTS " + KPI_SCHEMA + " CASCADE");
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

    /**
     * The versions Adlift's Flyway history holds once every migration ran, in order: V1 (Spring Batch's schema,
     * a Java migration) and one per {@code V<n>__*.sql} file of the application.
     */
    public static java.util.List<String> migrationVersions() {
        java.nio.file.Path dir = Adlift.repoRoot().resolve("pipeline/src/main/resources/db/migration");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            java.util.List<String> versions = new java.util.ArrayList<>(java.util.List.of("1"));
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .forEach(versions::add);
            return versions;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
