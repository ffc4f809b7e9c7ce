package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quick start: the real Kaggle file on the embedded H2 default, nothing else configured. */
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
        Path model = data.resolve("models/ad-conversions/1");
        assertThat(Files.readString(model.resolve("MLmodel"))).contains("loader_module: mlflow.xgboost")
                .contains("model_class: xgboost.core.Booster");
        assertThat(model.resolve("model.json")).isNotEmptyFile();
        assertThat(model.resolve("requirements.txt")).content().contains("xgboost==3.0.4");

        Adlift.Result status = Adlift.embedded(data).run("status", "--json");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("\"name\" : \"deploy\"").contains("\"test.r2\"").contains("\"decision\" : \"deployed\"");
    }
}
