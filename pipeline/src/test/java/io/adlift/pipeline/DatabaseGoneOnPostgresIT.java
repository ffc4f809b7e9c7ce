package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away in the middle of ingest (its connections dropped, its port closed): the run
 * ends with one short message saying the database is unreachable and what to do, no stack trace.
 */
class DatabaseGoneOnPostgresIT {

    @TempDir
    Path dir;

    @Test
    void shouldEndWithAShortMessageWhenTheDatabaseGoesAwayMidRun() throws Exception {
        TestDatabase.reset();
        AdFile file = AdFile.write(dir.resolve("ads.csv"), 200_000, 10_000, 3);
        Path pipelines = AdFile.kpiOnlyDefinition(dir.resolve("pipelines"));
        URI database = URI.create(TestDatabase.url().substring("jdbc:".length()));
        try (TcpCut cut = new TcpCut(database.getHost(), database.getPort());
                AdliftProcess run = AdliftProcess.start(dir.resolve("data"),
                        Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + cut.port() + database.getPath()),
                        List.of("--adlift.pipelines-dir=" + pipelines, "--adlift.ingest.chunk-size=1000"),
                        "run", "ad-conversions", "--input", file.path.toString(), "--business-date", "2026-08-01")) {
            run.awaitWhileRunning(() -> TestDatabase.countOnceCreated("SELECT COUNT(*) FROM stg_ad_conversions_ads") > 0,
                    Duration.ofMinutes(2));

            cut.cut();

            int code = run.exitCode(Duration.ofMinutes(3));
            String output = run.output();
            assertThat(code).as(output).isIn(1, 3);
            assertThat(output).contains("the database is unreachable").doesNotContain("\tat ")
                    .doesNotContain("Exception:");
            assertThat(output.lines().count()).as(output).isLessThan(20);
        }
    }
}
