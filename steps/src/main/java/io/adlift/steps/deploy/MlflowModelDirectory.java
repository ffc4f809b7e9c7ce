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

import org.apache.commons.io.FileUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

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

    /** The file name of a model's input example, and the name MLflow's loaders look it up by. */
    public static final String INPUT_EXAMPLE_FILE = "input_example.json";

    // The format of Python's str(datetime), which MLflow itself writes.
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final ObjectReader FEATURE_NAMES =
            JsonMapper.shared().readerFor(new TypeReference<List<String>>() { });

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
            Map<String, Object> mlmodel = MlflowModelFiles.mlmodel(model.featureNames(), created, raw);
            if (raw != null) {
                Files.createDirectories(staging.resolve(CODE_DIR));
                try (var loader = MlflowModelDirectory.class.getResourceAsStream(PYFUNC_MODULE + ".py")) {
                    Files.copy(Objects.requireNonNull(loader, "the loader module is not on the class path"),
                            staging.resolve(CODE_DIR).resolve(PYFUNC_MODULE + ".py"));
                }
                Files.writeString(staging.resolve(PYFUNC_CONFIG_FILE),
                        MlflowModelFiles.json(MlflowModelFiles.pyfuncConfig(raw)) + "\n");
                Files.writeString(staging.resolve(INPUT_EXAMPLE_FILE), MlflowModelFiles.inputExample(raw) + "\n");
                mlmodel.put("saved_input_example_info", MlflowModelFiles.inputExampleInfo());
            }
            Files.writeString(staging.resolve(MLMODEL_FILE), MlflowModelFiles.yaml(mlmodel));
            Files.writeString(staging.resolve(REQUIREMENTS_FILE),
                    String.join("\n", MlflowModelFiles.REQUIREMENTS) + "\n");
            Files.writeString(staging.resolve(PYTHON_ENV_FILE), MlflowModelFiles.yaml(MlflowModelFiles.pythonEnv()));
            Files.writeString(staging.resolve(CONDA_FILE), MlflowModelFiles.yaml(MlflowModelFiles.condaEnv()));
            Files.writeString(staging.resolve(PROVENANCE_FILE),
                    MlflowModelFiles.json(MlflowModelFiles.provenance(provenance, model, created)) + "\n");
            Files.writeString(staging.resolve(FEATURES_FILE),
                    MlflowModelFiles.json(model.featureNames()) + "\n");
            if (Files.exists(target)) {
                Files.delete(target);
            }
            Files.move(staging, target);
            staging = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the MLflow model directory " + target, e);
        } finally {
            if (staging != null) {
                // best effort: the original failure is the one worth reporting
                FileUtils.deleteQuietly(staging.toFile());
            }
        }
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
            Files.writeString(file, MlflowModelFiles.yaml(mlmodel));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the model id into " + file, e);
        } catch (JacksonException e) {
            throw new UncheckedIOException("could not write the model id into " + file, asIo(e));
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
            JsonMapper json = JsonMapper.shared();
            JsonNode config = json.readTree(file.toFile());
            JsonNode width = config.path("interval").path("half_width");
            RawInputs.Column[] columns = config.has("columns")
                    ? json.treeToValue(config.get("columns"), RawInputs.Column[].class) : new RawInputs.Column[0];
            return new Served(List.of(columns), width.isNumber() ? width.asDouble() : null);
        } catch (JacksonException e) {
            throw new UncheckedIOException("could not read " + file, asIo(e));
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
        } catch (JacksonIOException e) {
            throw new UncheckedIOException("could not read " + file, asIo(e));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " must hold a JSON array of feature names: "
                    + e.getOriginalMessage(), e);
        }
    }

    // Jackson 3's exceptions are unchecked; the I/O failure it wraps (or the parse failure) stays the cause.
    private static IOException asIo(JacksonException e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e.getOriginalMessage(), e);
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
}
