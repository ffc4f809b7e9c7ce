package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's refusal and a failed run's restart, on a real PostgreSQL with the real Kaggle file. */
class GateAndRestartOnPostgresIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");

    @TempDir
    static Path dir;

    @BeforeAll
    static void resetDatabase() {
        TestDatabase.reset();
    }

    @Test
    void shouldNotDeployAModelTheGateRefusesAndExitWithTheNotDeployedCode() throws IOException {
        Path strict = Files.createDirectories(dir.resolve("strict"));
        String shipped = Files.readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        Files.writeString(strict.resolve("ad-conversions.yml"), shipped.replace("{ metric: r2,   min: 0.5 }",
                "{ metric: r2,   min: 0.99 }"));
        Path data = dir.resolve("strict-data");

        Adlift.Result result = Adlift.onPostgres(data).with("--adlift.pipelines-dir=" + strict)
                .run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-03-01");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(5);
        assertThat(result.out()).contains("Gate: refused").contains("is below the minimum 0.99");
        long execution = AdConversionsOnPostgresIT.executionId(result);
        // The decision is in the run's headline, its line in 'runs' and 'status', not only in the Gate line.
        assertThat(result.out()).containsPattern("Run " + execution + " of ad-conversions for 2026-03-01: "
                + "completed, not deployed: r2 = .* is below the minimum 0.99");
        Adlift.Result runs = Adlift.onPostgres(data).run("runs");
        assertThat(runs.out().lines().filter(l -> l.startsWith(execution + " ")))
                .singleElement().asString().containsPattern("completed, not deployed: r2 = .* is below the minimum 0.99");
        Adlift.Result runsJson = Adlift.onPostgres(data).run("runs", "--json");
        assertThat(runsJson.out()).containsPattern("\"outcome\" : \"completed, not deployed: r2 = [^\"]*below the minimum 0.99");
        Adlift.Result status = Adlift.onPostgres(data).run("status", Long.toString(execution));
        assertThat(status.out()).containsPattern("^Run " + execution + " of ad-conversions for 2026-03-01: completed, "
                + "not deployed: r2 = ");
        assertThat(Adlift.onPostgres(data).run("status", "--json", Long.toString(execution)).out())
                .contains("\"status\" : \"COMPLETED\"").contains("\"outcome\" : \"completed, not deployed: r2 = ");
        assertThat(TestDatabase.rows("SELECT decision, version FROM deployment WHERE job_execution_id = ?", execution))
                .singleElement().satisfies(d -> {
                    assertThat(d.get("decision")).isEqualTo("refused");
                    assertThat(d.get("version")).isNull();
                });
        assertThat(data.resolve("models")).doesNotExist();
        assertThat(TestDatabase.rows("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", execution))
                .singleElement().satisfies(e -> assertThat(e.get("status")).isEqualTo("COMPLETED"));
    }

    @Test
    void shouldRefuseAModelWorseThanTheChampionOnTheSameTestRowsAndKeepTheChampion() throws IOException {
        Path definitions = Files.createDirectories(dir.resolve("champion"));
        String shipped = Files.readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        // Thresholds any model passes, so that only the comparison with the champion can refuse.
        String withChampionGate = shipped.replace("champion: { metric: r2, margin: 0.005 }", "champion: { metric: rmse, margin: 0.05 }")
                .replace("{ metric: r2,   min: 0.5 }", "{ metric: r2,   min: -100 }");
        Path data = dir.resolve("champion-data");
        Adlift adlift = Adlift.onPostgres(data).with("--adlift.pipelines-dir=" + definitions);

        Files.writeString(definitions.resolve("ad-conversions.yml"), withChampionGate);
        Adlift.Result first = adlift.run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-03-05");
        // The same data and split, but a model that barely learns: three rounds at a tiny learning rate, no search.
        Files.writeString(definitions.resolve("ad-conversions.yml"), withChampionGate.replace("rounds: 300", "rounds: 3")
                .replace("eta: 0.03", "eta: 0.01").replaceAll("(?m)^    search: .*\n", ""));
        Adlift.Result worse = adlift.run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-03-05",
                "--rerun");

        assertThat(first.exitCode()).as(first.all()).isZero();
        long champion = TestDatabase.count("SELECT version FROM deployment WHERE job_execution_id = ?",
                AdConversionsOnPostgresIT.executionId(first));
        assertThat(first.out()).contains(": completed, deployed (version " + champion + ")");
        assertThat(worse.out()).containsPattern(": completed, not deployed: rmse = .* against the champion \\(version "
                + champion + "\\)");
        assertThat(adlift.run("runs", "--pipeline", "ad-conversions", "--limit", "2").out())
                .contains("completed, deployed (version " + champion + ")").contains("completed, not deployed: rmse = ");
        assertThat(worse.exitCode()).as(worse.all()).isEqualTo(5);
        assertThat(worse.out()).contains("Gate: refused (rmse = ").contains("against the champion (version " + champion + ")")
                .contains("more than the margin 0.0500").doesNotContain("below the minimum");
        assertThat(TestDatabase.rows("SELECT decision, version FROM deployment WHERE job_execution_id = ?",
                AdConversionsOnPostgresIT.executionId(worse))).singleElement().satisfies(d -> {
                    assertThat(d.get("decision")).isEqualTo("refused");
                    assertThat(d.get("version")).isNull();
                });
        assertThat(TestDatabase.count("SELECT MAX(version) FROM deployment WHERE model_name = 'ad-conversions'"))
                .isEqualTo(champion);
        assertThat(data.resolve("models/ad-conversions/" + champion + "/model.json")).exists();
    }

    @Test
    void shouldResumeAFailedRunAtTheFailedStepWithoutReExecutingCompletedSteps() throws IOException {
        Path data = Files.createDirectories(dir.resolve("restart-data"));
        Files.writeString(data.resolve("runs"), "a file where train wants its folder: train fails");
        String[] command = {"run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-03-02"};

        Adlift.Result failed = Adlift.onPostgres(data).run(command);
        Files.delete(data.resolve("runs"));
        Adlift.Result resumed = Adlift.onPostgres(data).run(command);

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(3);
        assertThat(failed.out()).contains("train     FAILED");
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        long instance = TestDatabase.count("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?",
                AdConversionsOnPostgresIT.executionId(resumed));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution WHERE job_instance_id = ?", instance))
                .isEqualTo(2);
        for (String step : new String[] {"ingest", "clean", "kpi", "split"}) {
            assertThat(TestDatabase.count("SELECT COUNT(*) FROM batch_step_execution s JOIN batch_job_execution e "
                    + "ON e.job_execution_id = s.job_execution_id WHERE e.job_instance_id = ? AND s.step_name = ?",
                    instance, step)).as("executions of %s", step).isEqualTo(1);
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM batch_step_execution s JOIN batch_job_execution e "
                + "ON e.job_execution_id = s.job_execution_id WHERE e.job_instance_id = ? AND s.step_name = 'train'",
                instance)).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stg_ad_conversions_ads WHERE job_instance_id = ?", instance))
                .isEqualTo(1143);
        assertThat(data.resolve("models/ad-conversions/1/MLmodel")).exists();
    }
}
