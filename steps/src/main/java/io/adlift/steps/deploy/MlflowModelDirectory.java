package io.adlift.steps.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import io.adlift.steps.train.TrainedModel;

/**
 * Writes a trained model as an MLflow model directory: the XGBoost JSON model, the {@code MLmodel}
 * file declaring the {@code xgboost} and {@code python_function} flavours, the Python environment
 * files, and Adlift's provenance and feature list beside them.
 */
public final class MlflowModelDirectory {

    public static final String MODEL_FILE = "model.json";
    static final String MLMODEL_FILE = "MLmodel";
    static final String REQUIREMENTS_FILE = "requirements.txt";
    static final String PYTHON_ENV_FILE = "python_env.yaml";
    static final String CONDA_FILE = "conda.yaml";
    static final String PROVENANCE_FILE = "provenance.json";
    static final String FEATURES_FILE = "features.json";

    /** The loader module of the raw-record {@code python_function} flavour, shipped in the model's {@code code/}. */
    static final String PYFUNC_MODULE = "adlift_pyfunc";
    static final String CODE_DIR = "code";
    /** What the loader reads beside the model: the raw columns, the task and the known answers. */
    public static final String PYFUNC_CONFIG_FILE = "adlift_model.json";

    // The newest MLflow the test command checks these models with.
    static final String MLFLOW_VERSION = "3.17.2";
    // Must equal the xgboost4j version in the parent POM: that is the library that wrote the JSON.
    static final String XGBOOST_VERSION = "3.0.4";
    static final String PYTHON_VERSION = "3.11";
    // The MLflow versions Adlift is tested with, oldest (3.5.1) to newest, as a range: a pin to one of them made
    // every load with another supported version warn of a mismatch. The 4.x line is not known to read these models.
    static final String MLFLOW_REQUIREMENT = "mlflow>=3.5.1,<4";
    static final List<String> REQUIREMENTS = List.of(
            MLFLOW_REQUIREMENT, "xgboost==" + XGBOOST_VERSION, "numpy", "pandas");

    // The format of Python's str(datetime), which MLflow itself writes.
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();
    private static final ObjectWriter COMPACT_JSON = new ObjectMapper().writer();
    private static final ObjectReader FEATURE_NAMES =
            new ObjectMapper().readerFor(new TypeReference<List<String>>() { });
    private static final ObjectWriter YAML = new YAMLMapper(YAMLFactory.builder()
            .stringQuotingChecker(new Yaml11QuotingChecker())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Long signature strings stay on one line, as MLflow writes them.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()).writer();

    private MlflowModelDirectory() {
    }

    /**
     * Creates {@code dir}, which must not exist or be empty, and writes the model into it. The
     * files are written into a sibling folder first and moved into place at the end, so a failed
     * write leaves no half-written model behind for a rerun to trip over.
     */
    public static void write(Path dir, TrainedModel model, ModelProvenance provenance) {
        write(dir, model, provenance, null, Clock.systemUTC());
    }

    /**
     * {@link #write(Path, TrainedModel, ModelProvenance)}, with a {@code python_function} flavour that takes the
     * pipeline's raw records ({@code raw}) through Adlift's own loader, a signature of those raw columns and an
     * input example of raw rows. The {@code xgboost} flavour keeps taking the encoded features. The model's
     * {@code feature-encoding.json} must be put beside it (the loader reads it).
     */
    public static void write(Path dir, TrainedModel model, ModelProvenance provenance, RawInputs raw) {
        write(dir, model, provenance, raw, Clock.systemUTC());
    }

    static void write(Path dir, TrainedModel model, ModelProvenance provenance, Clock clock) {
        write(dir, model, provenance, null, clock);
    }

    static void write(Path dir, TrainedModel model, ModelProvenance provenance, RawInputs raw, Clock clock) {
        Objects.requireNonNull(dir, "dir must not be null");
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(provenance, "provenance must not be null");
        Path target = dir.toAbsolutePath().normalize();
        requireAbsentOrEmpty(target);
        String created = CREATED.format(clock.instant());
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createDirectory(target.resolveSibling(
                    "." + target.getFileName() + ".partial-" + UUID.randomUUID()));
            model.saveJson(staging.resolve(MODEL_FILE));
            Map<String, Object> mlmodel = mlmodel(model.featureNames(), created, raw);
            if (raw != null) {
                Files.createDirectories(staging.resolve(CODE_DIR));
                try (var loader = MlflowModelDirectory.class.getResourceAsStream(PYFUNC_MODULE + ".py")) {
                    Files.copy(Objects.requireNonNull(loader, "the loader module is not on the class path"),
                            staging.resolve(CODE_DIR).resolve(PYFUNC_MODULE + ".py"));
                }
                Files.writeString(staging.resolve(PYFUNC_CONFIG_FILE), JSON.writeValueAsString(pyfuncConfig(raw)) + "\n");
                Files.writeString(staging.resolve(INPUT_EXAMPLE_FILE), inputExample(raw) + "\n");
                mlmodel.put("saved_input_example_info", inputExampleInfo());
            }
            Files.writeString(staging.resolve(MLMODEL_FILE), YAML.writeValueAsString(mlmodel));
            Files.writeString(staging.resolve(REQUIREMENTS_FILE),
                    String.join("\n", REQUIREMENTS) + "\n");
            Files.writeString(staging.resolve(PYTHON_ENV_FILE), YAML.writeValueAsString(pythonEnv()));
            Files.writeString(staging.resolve(CONDA_FILE), YAML.writeValueAsString(condaEnv()));
            Files.writeString(staging.resolve(PROVENANCE_FILE),
                    JSON.writeValueAsString(provenance(provenance, model, created)) + "\n");
            Files.writeString(staging.resolve(FEATURES_FILE),
                    JSON.writeValueAsString(model.featureNames()) + "\n");
            if (Files.exists(target)) {
                Files.delete(target);
            }
            Files.move(staging, target);
            staging = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the MLflow model directory " + target, e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /** The file name of a model's input example, and the name MLflow's loaders look it up by. */
    public static final String INPUT_EXAMPLE_FILE = "input_example.json";

    /** The raw records of {@code raw}'s example as an MLflow input example: a DataFrame in the "split" orientation. */
    static String inputExample(RawInputs raw) {
        List<String> columns = raw.columns().stream().map(RawInputs.Column::name).toList();
        List<List<Object>> data = new ArrayList<>();
        for (Map<String, Object> record : raw.example()) {
            List<Object> row = new ArrayList<>();
            columns.forEach(c -> row.add(record.get(c)));
            data.add(row);
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("columns", columns);
        example.put("data", data);
        try {
            return COMPACT_JSON.writeValueAsString(example);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write an input example", e);
        }
    }

    private static Map<String, Object> inputExampleInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("artifact_path", INPUT_EXAMPLE_FILE);
        info.put("type", "dataframe");
        info.put("pandas_orient", "split");
        return info;
    }

    private static Map<String, Object> pyfuncConfig(RawInputs raw) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("task", raw.task());
        config.put("threshold", raw.threshold());
        config.put("columns", raw.columns());
        config.put("known_answers", raw.knownAnswers());
        if (raw.interval() != null && Double.isFinite(raw.interval().halfWidth())) {
            Map<String, Object> interval = new LinkedHashMap<>();
            interval.put("half_width", raw.interval().halfWidth());
            interval.put("nominal", raw.interval().nominal());
            interval.put("coverage", raw.interval().coverage());
            config.put("interval", interval);
        }
        return config;
    }

    /**
     * Stamps the id of the MLflow 3 logged model this directory becomes (and the run that logged it) into its
     * {@code MLmodel}, as MLflow's own {@code log_model} does.
     */
    @SuppressWarnings("unchecked")
    public static void setModelId(Path dir, String modelId, String runId) {
        Path file = dir.resolve(MLMODEL_FILE);
        try {
            Map<String, Object> mlmodel = new YAMLMapper().readValue(Files.readString(file), LinkedHashMap.class);
            mlmodel.put("model_id", modelId);
            mlmodel.put("run_id", runId);
            Files.writeString(file, YAML.writeValueAsString(mlmodel));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the model id into " + file, e);
        }
    }

    /**
     * What serving needs back from a model directory written by {@link #write}, read from its {@code
     * adlift_model.json} at once: the raw columns with their training domains (empty for a model written
     * without them) and the split-conformal interval's half-width (null for a classifier, or a model written
     * before intervals existed).
     */
    public record Served(List<RawInputs.Column> columns, Double intervalHalfWidth) {
        public Served {
            columns = List.copyOf(columns);
        }
    }

    public static Served readServed(Path dir) {
        Path file = dir.resolve(PYFUNC_CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            return new Served(List.of(), null);
        }
        try {
            ObjectMapper json = new ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode config = json.readTree(file.toFile());
            com.fasterxml.jackson.databind.JsonNode width = config.path("interval").path("half_width");
            RawInputs.Column[] columns = config.has("columns")
                    ? json.treeToValue(config.get("columns"), RawInputs.Column[].class) : new RawInputs.Column[0];
            return new Served(List.of(columns), width.isNumber() ? width.asDouble() : null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** The ordered feature names of a model directory written by {@link #write}. */
    public static List<String> readFeatureNames(Path dir) {
        Objects.requireNonNull(dir, "dir must not be null");
        Path file = dir.resolve(FEATURES_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + FEATURES_FILE + " in " + dir.toAbsolutePath()
                    + "; an Adlift model directory holds " + List.of(MODEL_FILE, MLMODEL_FILE,
                            FEATURES_FILE, PROVENANCE_FILE));
        }
        try {
            List<String> names = FEATURE_NAMES.readValue(file.toFile());
            if (names == null || names.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException(file + " must hold a JSON array of feature "
                        + "names, found " + names);
            }
            return List.copyOf(names);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " must hold a JSON array of feature names: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static void requireAbsentOrEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write a model directory at " + dir
                    + ": it is a file; give a path that does not exist or an empty directory");
        }
        List<String> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            children.forEach(child -> entries.add(child.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
        if (!entries.isEmpty()) {
            entries.sort(Comparator.naturalOrder());
            throw new IllegalArgumentException("model directory " + dir + " is not empty (it holds "
                    + entries + "); give a path that does not exist or an empty directory");
        }
    }

    private static Map<String, Object> mlmodel(List<String> featureNames, String created, RawInputs raw)
            throws JsonProcessingException {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("virtualenv", PYTHON_ENV_FILE);
        env.put("conda", CONDA_FILE);
        Map<String, Object> pyfunc = new LinkedHashMap<>();
        if (raw == null) {
            pyfunc.put("loader_module", "mlflow.xgboost");
            pyfunc.put("python_version", PYTHON_VERSION);
            pyfunc.put("data", MODEL_FILE);
        } else {
            // no "data": the loader gets the model's folder, with the model, its encoding and its config
            pyfunc.put("loader_module", PYFUNC_MODULE);
            pyfunc.put("python_version", PYTHON_VERSION);
            pyfunc.put("code", CODE_DIR);
        }
        pyfunc.put("env", env);
        Map<String, Object> xgboost = new LinkedHashMap<>();
        xgboost.put("xgb_version", XGBOOST_VERSION);
        xgboost.put("data", MODEL_FILE);
        xgboost.put("model_class", "xgboost.core.Booster");
        xgboost.put("model_format", "json");
        xgboost.put("code", null);
        Map<String, Object> flavors = new LinkedHashMap<>();
        flavors.put("python_function", pyfunc);
        flavors.put("xgboost", xgboost);

        List<Map<String, Object>> inputs = new ArrayList<>();
        List<Map<String, Object>> outputs = new ArrayList<>();
        if (raw == null) {
            for (String name : featureNames) {
                inputs.add(column(name, "float", true));
            }
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("type", "tensor");
            Map<String, Object> tensorSpec = new LinkedHashMap<>();
            tensorSpec.put("dtype", "float32");
            tensorSpec.put("shape", List.of(-1));
            output.put("tensor-spec", tensorSpec);
            outputs.add(output);
        } else {
            raw.columns().forEach(c -> inputs.add(column(c.name(), c.type(), c.required())));
            outputs.add(column("prediction", "double", true));
            if ("classification".equals(raw.task())) {
                outputs.add(column("probability", "double", true));
            }
            if (raw.interval() != null && Double.isFinite(raw.interval().halfWidth())) {
                outputs.add(column("lower", "double", true));
                outputs.add(column("upper", "double", true));
            }
        }
        // MLflow keeps the signature's schemas as JSON text inside the YAML.
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("inputs", COMPACT_JSON.writeValueAsString(inputs));
        signature.put("outputs", COMPACT_JSON.writeValueAsString(outputs));
        signature.put("params", null);

        // No model_id: MLflow expects one only for models logged through its LoggedModel API.
        Map<String, Object> mlmodel = new LinkedHashMap<>();
        mlmodel.put("artifact_path", "model");
        mlmodel.put("flavors", flavors);
        mlmodel.put("mlflow_version", MLFLOW_VERSION);
        mlmodel.put("utc_time_created", created);
        mlmodel.put("signature", signature);
        return mlmodel;
    }

    private static Map<String, Object> column(String name, String type, boolean required) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("type", type);
        column.put("name", name);
        column.put("required", required);
        return column;
    }

    private static Map<String, Object> pythonEnv() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("python", PYTHON_VERSION);
        env.put("build_dependencies", List.of("pip"));
        env.put("dependencies", List.of("-r " + REQUIREMENTS_FILE));
        return env;
    }

    private static Map<String, Object> condaEnv() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("name", "mlflow-env");
        env.put("channels", List.of("conda-forge"));
        env.put("dependencies", List.of("python=" + PYTHON_VERSION, "pip",
                Map.of("pip", REQUIREMENTS)));
        return env;
    }

    private static Map<String, Object> provenance(ModelProvenance provenance, TrainedModel model,
            String created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pipeline", provenance.pipeline());
        json.put("businessDate", provenance.businessDate());
        json.put("jobExecutionId", provenance.jobExecutionId());
        json.put("inputFingerprint", provenance.inputFingerprint());
        json.put("seed", provenance.seed());
        json.put("configHash", provenance.configHash());
        json.put("adliftVersion", provenance.adliftVersion());
        json.put("params", provenance.params());
        json.put("metrics", provenance.metrics());
        json.put("featureNames", model.featureNames());
        json.put("evalMetric", model.evalMetricName());
        json.put("trainingCurve", model.trainingCurve());
        json.put("modelFile", MODEL_FILE);
        json.put("createdUtc", created);
        return json;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the original failure is the one worth reporting.
        }
    }

    /**
     * Python reads these files with PyYAML, a YAML 1.1 parser that turns plain scalars such as
     * {@code 3.11} or {@code 2025-01-01 10:00:00} into a float and a timestamp; MLflow wants the
     * strings. Quoting every value that does not start with a letter keeps them strings.
     */
    static final class Yaml11QuotingChecker extends StringQuotingChecker.Default {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return value.isEmpty() || !Character.isLetter(value.charAt(0))
                    || super.needToQuoteValue(value);
        }
    }
}
