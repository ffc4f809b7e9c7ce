package io.adlift.pipeline.model;

import io.adlift.steps.features.FeatureEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a run's trained model lives until it is deployed: {@code <data-dir>/runs/<pipeline>/<job
 * instance>/}, the same for every execution of the instance, so a restarted evaluate or deploy finds
 * what train wrote.
 */
public final class ModelFiles {

    static final String MODEL = "model.json";
    static final String ENCODING = "feature-encoding.json";
    static final String CHOICE = "model-choice.json";
    private static final int INPUT_EXAMPLE_ROWS = 5;

    private final Path dataDir;
    private final JsonMapper json;

    public ModelFiles(Path dataDir, JsonMapper json) {
        this.dataDir = dataDir;
        this.json = json;
    }

    Path runDir(String pipeline, long jobInstanceId) {
        return dataDir.resolve("runs").resolve(pipeline).resolve(Long.toString(jobInstanceId));
    }

    public Path modelsDir() {
        return dataDir.resolve("models");
    }

    void writeEncoding(Path dir, FeatureEncoding encoding) {
        writeJson(dir, ENCODING, encoding);
    }

    private void writeJson(Path dir, String file, Object value) {
        try {
            Files.createDirectories(dir);
            json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(file).toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a few test rows, as the model sees them, to ship with the deployed model as its input example. */
    void writeInputExample(Path runDir, io.adlift.steps.train.FeatureMatrix testFeatures) {
        try {
            Files.writeString(runDir.resolve(io.adlift.steps.deploy.MlflowModelDirectory.INPUT_EXAMPLE_FILE),
                    io.adlift.steps.deploy.MlflowModelDirectory.inputExample(testFeatures, INPUT_EXAMPLE_ROWS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the run's input example, if evaluate wrote one, to a model directory. */
    static void attachInputExample(Path runDir, Path modelDir) throws IOException {
        Path example = runDir.resolve(io.adlift.steps.deploy.MlflowModelDirectory.INPUT_EXAMPLE_FILE);
        if (Files.exists(example)) {
            io.adlift.steps.deploy.MlflowModelDirectory.addInputExample(modelDir, Files.readString(example).strip());
        }
    }

    void writeChoice(Path dir, ModelChoice choice) {
        writeJson(dir, CHOICE, choice);
    }

    /** What train chose; the definition's own model for runs trained before choices were written. */
    ModelChoice readChoice(Path dir, io.adlift.pipeline.definition.Pipeline pipeline) {
        Path file = dir.resolve(CHOICE);
        return Files.exists(file) ? json.readValue(file.toFile(), ModelChoice.class) : ModelChoice.defined(pipeline);
    }

    public FeatureEncoding readEncoding(Path dir) {
        return json.readValue(dir.resolve(ENCODING).toFile(), FeatureEncoding.class);
    }
}
