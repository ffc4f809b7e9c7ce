package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code adlift schedule} processes on one PostgreSQL: every fire of the cron runs exactly once. */
class SchedulerOnPostgresIT {

    @TempDir
    Path dir;

    @BeforeEach
    void resetDatabase() {
        TestDatabase.reset();
    }

    @Test
    void shouldRunEachFireExactlyOnceAcrossTwoSchedulers() throws Exception {
        Path pipelines = Files.createDirectories(dir.resolve("pipelines"));
        String shipped = Files.readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        Files.writeString(pipelines.resolve("ad-conversions.yml"), shipped.replace("kind: regression", "kind: kpi-only"));
        List<String> settings = List.of("--adlift.pipelines-dir=" + pipelines,
                "--adlift.schedule.ad-conversions.cron=*/2 * * * * *",
                "--adlift.schedule.ad-conversions.input.ads=" + Adlift.realData("KAG_conversion_data.csv"));

        int port = freePort();
        List<String> withHealth = new java.util.ArrayList<>(settings);
        withHealth.addAll(List.of("--server.port=" + port, "--management.endpoints.web.exposure.include=health,metrics",
                "--mlflow.tracking-uri=" + System.getProperty("adlift.test.mlflow-uri", "http://127.0.0.1:55500")));
        try (AdliftProcess first = AdliftProcess.start(dir.resolve("a"), withHealth, "schedule");
                AdliftProcess second = AdliftProcess.start(dir.resolve("b"), append(settings, "--server.port=" + freePort()),
                        "schedule")) {
            // Step metrics exist in a process once it has run a step itself: wait for one of its own fires.
            first.awaitWhileRunning(() -> completedFires() >= 4 && first.outputContains("COMPLETED"),
                    Duration.ofMinutes(2));
            assertEachFireRanOnce(first, second, port);
        }
    }

    private void assertEachFireRanOnce(AdliftProcess first, AdliftProcess second, int port) throws Exception {
        String health = get(port, "/actuator/health");
        String stepMetrics = get(port, "/actuator/metrics/spring.batch.step");
        first.terminate();
        second.terminate();

        assertThat(first.exitCode(Duration.ofMinutes(1))).as(first.output()).isZero();
        assertThat(second.exitCode(Duration.ofMinutes(1))).as(second.output()).isZero();
        List<Map<String, Object>> fires = TestDatabase.rows("SELECT p.parameter_value AS fire, COUNT(*) AS runs "
                + "FROM batch_job_execution_params p WHERE p.parameter_name = 'scheduledAt' GROUP BY p.parameter_value");
        assertThat(fires).hasSizeGreaterThanOrEqualTo(4);
        assertThat(fires).allSatisfy(f -> assertThat(((Number) f.get("runs")).longValue()).as("runs of fire %s", f.get("fire"))
                .isEqualTo(1));
        assertThat(first.output() + second.output()).contains("is running in another process; this fire is left to it");
        assertThat(TestDatabase.count("SELECT COUNT(DISTINCT business_date) FROM kpi_campaign")).isEqualTo(1);
        assertThat(health).startsWith("{").contains("\"db\":{").contains("\"mlflow\":{").contains("\"status\":\"UP\"")
                .doesNotContain("DOWN").doesNotContain("OUT_OF_SERVICE").doesNotContain("UNKNOWN");
        assertThat(stepMetrics).contains("\"spring.batch.step.name\"").contains("ingest").contains("kpi")
                .contains("\"statistic\":\"COUNT\"");
    }

    @Test
    void shouldCatchUpTheFiresMissedWhileNoSchedulerRan() throws Exception {
        List<String> settings = List.of("--adlift.pipelines-dir=" + kpiOnlyDefinition(),
                "--adlift.schedule.ad-conversions.cron=*/2 * * * * *", "--adlift.schedule.ad-conversions.misfire=catch-up",
                "--adlift.schedule.ad-conversions.input.ads=" + Adlift.realData("KAG_conversion_data.csv"),
                "--server.port=" + freePort());
        String firstOutput;
        try (AdliftProcess first = AdliftProcess.start(dir.resolve("a"), settings, "schedule")) {
            first.awaitWhileRunning(() -> completedFires() >= 1, Duration.ofMinutes(2));
            first.terminate();
            assertThat(first.exitCode(Duration.ofMinutes(1))).isZero();
            firstOutput = first.output();
        }
        Thread.sleep(7_000); // at least three fires go by with no scheduler

        String secondOutput;
        try (AdliftProcess second = AdliftProcess.start(dir.resolve("b"), settings, "schedule")) {
            second.awaitWhileRunning(() -> second.outputContains("Scheduling ad-conversions"), Duration.ofMinutes(2));
            second.terminate();
            assertThat(second.exitCode(Duration.ofMinutes(1))).isZero();
            secondOutput = second.output();
        }

        List<java.time.Instant> fires = TestDatabase.rows("SELECT DISTINCT parameter_value FROM batch_job_execution_params "
                + "WHERE parameter_name = 'scheduledAt' ORDER BY parameter_value").stream()
                .map(r -> java.time.Instant.parse((String) r.get("parameter_value"))).toList();
        assertThat(secondOutput).as("first scheduler:%n%s", firstOutput).contains("Catching up ad-conversions: missed fire");
        assertThat(fires.size()).isGreaterThanOrEqualTo(4);
        for (int i = 1; i < fires.size(); i++) {
            assertThat(Duration.between(fires.get(i - 1), fires.get(i))).as("no fire left out").isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void shouldRestartAFailedRunAsManyTimesAsConfigured() throws Exception {
        Path data = Files.createDirectories(dir.resolve("retry-data"));
        Files.writeString(data.resolve("runs"), "a file where train wants its folder: every attempt fails in train");
        // A small search: each attempt trains before it fails, and three full searches outlast the wait on a busy machine.
        Path pipelines = Files.createDirectories(dir.resolve("retry-pipelines"));
        String shipped = Files.readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        String smallSearch = shipped.replace("trials: 15, folds: 5, repeats: 3", "trials: 2, folds: 2, repeats: 1");
        assertThat(smallSearch).as("the shipped search line").isNotEqualTo(shipped);
        Files.writeString(pipelines.resolve("ad-conversions.yml"), smallSearch);
        List<String> settings = List.of("--adlift.pipelines-dir=" + pipelines,
                "--adlift.schedule.ad-conversions.cron=*/2 * * * * *",
                "--adlift.schedule.ad-conversions.retries=2", "--adlift.schedule.ad-conversions.retry-backoff=PT1S",
                "--adlift.schedule.ad-conversions.input.ads=" + Adlift.realData("KAG_conversion_data.csv"),
                "--server.port=" + freePort());

        try (AdliftProcess scheduler = AdliftProcess.start(data, settings, "schedule")) {
            scheduler.awaitWhileRunning(() -> scheduler.outputContains("retry 2 of 2") && failedAttempts() >= 3,
                    Duration.ofMinutes(4));
            scheduler.terminate();
            scheduler.exitCode(Duration.ofMinutes(1));
        }

        List<Map<String, Object>> first = TestDatabase.rows("SELECT job_instance_id, COUNT(*) AS attempts FROM "
                + "batch_job_execution GROUP BY job_instance_id ORDER BY job_instance_id");
        assertThat(((Number) first.get(0).get("attempts")).longValue()).as("the first fire and its two restarts")
                .isEqualTo(3);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM batch_step_execution s JOIN batch_job_execution e "
                + "ON e.job_execution_id = s.job_execution_id WHERE e.job_instance_id = ? AND s.step_name = 'ingest'",
                first.get(0).get("job_instance_id"))).as("restarts do not ingest again").isEqualTo(1);
    }

    private static long failedAttempts() {
        try {
            return TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution WHERE status = 'FAILED'");
        } catch (RuntimeException schemaNotReadyYet) {
            return 0;
        }
    }

    private Path kpiOnlyDefinition() throws java.io.IOException {
        Path pipelines = Files.createDirectories(dir.resolve("pipelines"));
        String shipped = Files.readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        Files.writeString(pipelines.resolve("ad-conversions.yml"), shipped.replace("kind: regression", "kind: kpi-only"));
        return pipelines;
    }

    private static String get(int port, String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> append(List<String> list, String item) {
        List<String> all = new java.util.ArrayList<>(list);
        all.add(item);
        return all;
    }

    private static long completedFires() {
        try {
            return TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'");
        } catch (RuntimeException schemaNotReadyYet) {
            return 0;
        }
    }
}
