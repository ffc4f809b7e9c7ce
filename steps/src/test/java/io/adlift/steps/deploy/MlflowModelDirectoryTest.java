package io.adlift.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.ModelSpec;
import io.adlift.steps.train.TrainedModel;
import io.adlift.steps.train.XgboostTrainer;
import ml.dmlc.xgboost4j.java.Booster;

class MlflowModelDirectoryTest {

    private static final List<String> FEATURES = List.of("spend", "impressions", "ctr");
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2025-03-04T05:06:07.123456Z"), ZoneOffset.UTC);
    private static final ModelProvenance PROVENANCE = new ModelProvenance("ad-conversions",
            "2025-03-03", 17L, "sha256:abc", 42L, "sha256:def", "0.1.0-SNAPSHOT",
            Map.of("max_depth", "3"), Map.of("rmse", 0.5, "r2", 0.8));
    // Python's YAML reader is YAML 1.1, as SnakeYAML's is: both would read 3.11 as a float.
    private final Yaml python = new Yaml(new SafeConstructor(new LoaderOptions()));
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    private TrainedModel model;

    @BeforeEach
    void trainATinyModel() {
        int rows = 50;
        float[] values = new float[rows * 3];
        float[] labels = new float[rows];
        for (int row = 0; row < rows; row++) {
            values[row * 3] = row;
            values[row * 3 + 1] = row % 7;
            values[row * 3 + 2] = row % 3;
            labels[row] = 2 * row + row % 7;
        }
        model = new XgboostTrainer().train(new FeatureMatrix(FEATURES, rows, values), labels,
                new ModelSpec("gbtree", Map.of("max_depth", "3"), 5, 42L));
    }

    @AfterEach
    void closeTheModel() {
        model.close();
    }

    @Test
    void shouldWriteEveryFileOfTheModelDirectory() {
        Path dir = tmp.resolve("models/run-17");

        MlflowModelDirectory.write(dir, model, PROVENANCE, CLOCK);

        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("model.json", "MLmodel",
                "requirements.txt", "python_env.yaml", "conda.yaml", "provenance.json",
                "features.json");
    }

    @Test
    void shouldDeclareTheXgboostAndPythonFunctionFlavours() throws IOException {
        Path dir = tmp.resolve("model");
        MlflowModelDirectory.write(dir, model, PROVENANCE, CLOCK);

        Map<String, Object> mlmodel = python.load(Files.readString(dir.resolve("MLmodel")));

        assertThat(mlmodel).containsEntry("artifact_path", "model")
                .containsEntry("mlflow_version", "3.17.2")
                .containsEntry("utc_time_created", "2025-03-04 05:06:07.123456")
                .doesNotContainKey("model_id");
        Map<String, Object> flavors = map(mlmodel.get("flavors"));
        assertThat(map(flavors.get("python_function")))
                .containsEntry("loader_module", "mlflow.xgboost")
                .containsEntry("python_version", "3.11")
                .containsEntry("data", "model.json")
                .containsEntry("env", Map.of("virtualenv", "python_env.yaml", "conda", "conda.yaml"));
        assertThat(map(flavors.get("xgboost")))
                .containsEntry("xgb_version", "3.0.4")
                .containsEntry("data", "model.json")
                .containsEntry("model_class", "xgboost.core.Booster")
                .containsEntry("model_format", "json")
                .containsEntry("code", null);
    }

    @Test
    void shouldSignTheInputsWithTheFeatureNamesInOrder() throws IOException {
        Path dir = tmp.resolve("model");
        MlflowModelDirectory.write(dir, model, PROVENANCE, CLOCK);

        Map<String, Object> mlmodel = python.load(Files.readString(dir.resolve("MLmodel")));
        Map<String, Object> signature = map(mlmodel.get("signature"));
        JsonNode inputs = json.readTree((String) signature.get("inputs"));
        JsonNode outputs = json.readTree((String) signature.get("outputs"));

        assertThat(inputs.findValuesAsText("name")).isEqualTo(FEATURES);
        assertThat(inputs.findValuesAsText("type")).containsOnly("float");
        assertThat(inputs.get(0).get("required").asBoolean()).isTrue();
        assertThat(outputs.get(0).get("tensor-spec").get("dtype").asText()).isEqualTo("float32");
        assertThat(outputs.get(0).get("tensor-spec").get("shape").get(0).asInt()).isEqualTo(-1);
        assertThat(signature).containsEntry("params", null);
    }

    @Test
    void shouldPinThePythonEnvironmentToTheXgboostThatWroteTheModel() throws IOException {
        Path dir = tmp.resolve("model");
        MlflowModelDirectory.write(dir, model, PROVENANCE, CLOCK);

        Map<String, Object> pythonEnv = python.load(Files.readString(dir.resolve("python_env.yaml")));
        Map<String, Object> conda = python.load(Files.readString(dir.resolve("conda.yaml")));

        assertThat(Files.readAllLines(dir.resolve("requirements.txt")))
                .containsExactly("mlflow>=3.5.1,<4", "xgboost==3.0.4", "numpy", "pandas");
        assertThat(pythonEnv).containsEntry("python", "3.11")
                .containsEntry("build_dependencies", List.of("pip"))
                .containsEntry("dependencies", List.of("-r requirements.txt"));
        assertThat(conda).containsEntry("channels", List.of("conda-forge"))
                .containsEntry("dependencies", List.of("python=3.11", "pip", Map.of("pip",
                        List.of("mlflow>=3.5.1,<4", "xgboost==3.0.4", "numpy", "pandas"))));
    }

    @Test
    void shouldPinTheSameXgboostVersionAsTheBundledXgboost4j() {
        String jar = Booster.class.getProtectionDomain().getCodeSource().getLocation().getPath();

        assertThat(jar).contains("xgboost4j_2.12-" + MlflowModelFiles.XGBOOST_VERSION + ".jar");
    }

    @Test
    void shouldWriteTheProvenanceAndFeatureNamesBesideTheModel() throws IOException {
        Path dir = tmp.resolve("model");
        MlflowModelDirectory.write(dir, model, PROVENANCE, CLOCK);

        JsonNode provenance = json.readTree(dir.resolve("provenance.json").toFile());

        assertThat(provenance.get("seed").asLong()).isEqualTo(42L);
        assertThat(provenance.get("configHash").asText()).isEqualTo("sha256:def");
        assertThat(provenance.get("inputFingerprint").asText()).isEqualTo("sha256:abc");
        assertThat(provenance.get("jobExecutionId").asLong()).isEqualTo(17L);
        assertThat(provenance.get("adliftVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(provenance.get("params").get("max_depth").asText()).isEqualTo("3");
        assertThat(provenance.get("metrics").get("r2").asDouble()).isEqualTo(0.8);
        assertThat(json.convertValue(provenance.get("featureNames"),
                new TypeReference<List<String>>() { })).isEqualTo(FEATURES);
        assertThat(MlflowModelDirectory.readFeatureNames(dir)).isEqualTo(FEATURES);
    }

    @Test
    void shouldWriteAModelThatLoadsBackWithTheSamePredictions() {
        Path dir = tmp.resolve("model");
        MlflowModelDirectory.write(dir, model, PROVENANCE, CLOCK);
        FeatureMatrix rows = new FeatureMatrix(FEATURES, 2, new float[] {3, 3, 0, 40, 5, 1});

        try (TrainedModel loaded = TrainedModel.loadJson(
                dir.resolve(MlflowModelDirectory.MODEL_FILE),
                MlflowModelDirectory.readFeatureNames(dir))) {
            assertThat(loaded.predict(rows)).containsExactly(model.predict(rows));
        }
    }

    @Test
    void shouldWriteIntoAnExistingEmptyDirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));

        MlflowModelDirectory.write(dir, model, PROVENANCE);

        assertThat(dir.resolve("MLmodel")).isRegularFile();
    }

    @Test
    void shouldRefuseADirectoryThatIsNotEmpty() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("taken"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> MlflowModelDirectory.write(dir, model, PROVENANCE))
                .withMessageContaining("is not empty (it holds [notes.txt])")
                .withMessageContaining("does not exist or an empty directory");
        assertThat(dir.toFile().list()).containsExactly("notes.txt");
    }

    @Test
    void shouldLeaveNoStagingFolderBehind() throws IOException {
        MlflowModelDirectory.write(tmp.resolve("model"), model, PROVENANCE, CLOCK);

        try (Stream<Path> entries = Files.list(tmp)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("model");
        }
    }

    @Test
    void shouldSayWhatAModelDirectoryHoldsWhenTheFeatureListIsMissing() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MlflowModelDirectory.readFeatureNames(tmp))
                .withMessageContaining("no features.json in")
                .withMessageContaining("model.json, MLmodel, features.json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @Test
    void shouldCarryARegressionModelsConformalIntervalToThePyfuncAndItsSignature() throws IOException {
        Path dir = tmp.resolve("model");
        RawInputs raw = RawInputs.of(List.of(new RawInputs.Field("clicks", io.adlift.steps.ingest.ColumnType.INTEGER, true)),
                List.<java.util.function.Function<String, Object>>of(c -> 3L), "regression", 0.5, List.of(), 1)
                .withInterval(new io.adlift.steps.evaluate.ConformalInterval(0.8, 1.25, 0.81, 100, 100));

        MlflowModelDirectory.write(dir, model, PROVENANCE, raw, CLOCK);

        JsonNode config = json.readTree(dir.resolve("adlift_model.json").toFile());
        assertThat(config.path("interval").path("half_width").asDouble()).isEqualTo(1.25);
        assertThat(config.path("interval").path("nominal").asDouble()).isEqualTo(0.8);
        Map<String, Object> mlmodel = python.load(Files.readString(dir.resolve("MLmodel")));
        Map<String, Object> signature = map(mlmodel.get("signature"));
        assertThat(json.readTree((String) signature.get("outputs")).findValuesAsText("name"))
                .containsExactly("prediction", "lower", "upper");
        assertThat(MlflowModelDirectory.readServed(dir).intervalHalfWidth()).isEqualTo(1.25);
        assertThat(MlflowModelDirectory.readServed(dir).columns()).extracting(RawInputs.Column::name, RawInputs.Column::type,
                RawInputs.Column::min, RawInputs.Column::max).containsExactly(raw.columns().stream()
                .map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.type(), c.min(), c.max())).toArray(
                        org.assertj.core.groups.Tuple[]::new));
    }

    @Test
    void shouldServeWithoutAnIntervalWhenItIsUnbounded() {
        Path dir = tmp.resolve("model");
        RawInputs raw = RawInputs.of(List.of(new RawInputs.Field("clicks", io.adlift.steps.ingest.ColumnType.INTEGER, true)),
                List.<java.util.function.Function<String, Object>>of(c -> 3L), "regression", 0.5, List.of(), 1)
                .withInterval(new io.adlift.steps.evaluate.ConformalInterval(0.8, Double.POSITIVE_INFINITY, 1, 2, 1));

        MlflowModelDirectory.write(dir, model, PROVENANCE, raw, CLOCK);

        assertThat(raw.interval()).isNull();
        assertThat(MlflowModelDirectory.readServed(dir).intervalHalfWidth()).isNull();
    }
}
