package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The Quick start: the real Kaggle file on the embedded H2 default, nothing else configured; Adlift's
 * tables are in its schema there too.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path data;

    @Test
    void shouldRunTheWholePipelineOnTheEmbeddedDatabaseAndDeployAnMlflowModel() throws Exception {
        Adlift.Result result = Adlift.embedded(data)
                .run("run", "ad-conversions", "--input", Adlift.realData("KAG_conversion_data.csv").toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("COMPLETED").contains("1143 rows read, 1143 staged, 0 rejected")
                .contains("KPI table kpi_campaign: 3 rows").contains("Gate: deployed");
        assertThat(data.resolve("adlift.mv.db")).exists();
        assertThat(result.err()).as("progress is logged off a terminal")
                .contains("ingest: 1,143 rows").containsPattern("train: \\d+ trials, .*100%, ETA 0:00 \\(done\\)").containsPattern("train: \\d+ rounds").contains("100%, ETA 0:00 (done)");
        Path model = data.resolve("models/ad-conversions/1");
        // python_function takes raw records through Adlift's loader; xgboost takes the encoded features
        assertThat(Files.readString(model.resolve("MLmodel"))).contains("loader_module: adlift_pyfunc")
                .contains("model_class: xgboost.core.Booster");
        assertThat(model.resolve("code/adlift_pyfunc.py")).isNotEmptyFile();
        assertThat(model.resolve("model.json")).isNotEmptyFile();
        assertThat(model.resolve("requirements.txt")).content().contains("xgboost==3.0.4");
        assertThat(Files.readString(model.resolve("MLmodel"))).contains("saved_input_example_info")
                .contains("input_example.json").contains("pandas_orient");
        assertThat(Files.readString(model.resolve("input_example.json"))).startsWith("{\"columns\":[\"ad_id\",\"xyz_campaign_id\"")
                .contains("\"data\":[[");

        Adlift.Result status = Adlift.embedded(data).run("status", "--json");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("\"name\" : \"deploy\"").contains("\"test.r2\"").contains("\"decision\" : \"deployed\"");

        JdbcTemplate h2 = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + data.resolve("adlift")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", ""));
        String tables = "SELECT table_name FROM information_schema.tables WHERE table_schema = ?";
        assertThat(h2.queryForList(tables, String.class, "adlift")).as("Adlift's schema in the embedded database")
                .contains("batch_job_instance", "batch_step_execution", "flyway_schema_history", "kpi_campaign", "kpi_segment",
                        "ingest_reject", "deployment", "shedlock", "stg_ad_conversions_ads", "cln_ad_conversions_ads");
        assertThat(h2.queryForList(tables, String.class, "public")).isEmpty();
        assertThat(h2.queryForList("SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = ?",
                String.class, "adlift")).contains("batch_job_execution_seq", "batch_job_instance_seq");
    }

    @Test
    void shouldAnswerBadUsageWithExitCodeTwoAndAPlainMessage() throws Exception {
        Adlift adlift = Adlift.embedded(data);

        Adlift.Result unknown = adlift.run("run", "add-conversions", "--input", "x.csv");
        Adlift.Result missingFile = adlift.run("run", "ad-conversions", "--input", data.resolve("nope.csv").toString());
        Adlift.Result noCommand = adlift.run();

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown pipeline 'add-conversions'; defined pipelines: "
                + "[ad-conversions, campaign-clv, campaign-purchases, influencer-roas, session-conversion]");
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("nope.csv is not a readable file");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.out()).contains("Usage: adlift").contains("run").contains("status");
        assertThat(unknown.all() + missingFile.all()).doesNotContain("\tat ");
    }

    @Test
    void shouldListTheFiveDataModelsWithTheirKindAndADescription() {
        Adlift.Result result = Adlift.embedded(data).run("pipelines");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out().lines().toList()).hasSize(5).satisfiesExactly(
                line -> assertThat(line).matches("ad-conversions +regression +Facebook ads .+"),
                line -> assertThat(line).matches("campaign-clv +regression +Daily campaign rows.+"),
                line -> assertThat(line).matches("campaign-purchases +regression +Campaigns, ads and ad events.+"),
                line -> assertThat(line).matches("influencer-roas +kpi-only +Influencers, posts.+"),
                line -> assertThat(line).matches("session-conversion +classification +Campaigns, sessions and orders.+"));
    }

    @Test
    void shouldRefuseToStartWithABrokenDefinitionNamingFileAndKey() throws Exception {
        Path pipelines = Files.createDirectories(data.resolve("pipelines"));
        String shipped = Files.readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        Files.writeString(pipelines.resolve("ad-conversions.yml"), shipped.replace("strategy: hash", "strategy: random"));

        Adlift.Result result = Adlift.embedded(data).with("--adlift.pipelines-dir=" + pipelines).run("pipelines");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(pipelines.resolve("ad-conversions.yml")
                + ": steps.split.strategy: unknown value 'random'; allowed: [hash]");
    }
}
