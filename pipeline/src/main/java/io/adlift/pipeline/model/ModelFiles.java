package io.adlift.pipeline.model;

import io.adlift.steps.deploy.RawInputs;
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
    static final String RAW_INPUTS = "raw-inputs.json";

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

    /** Keeps what the deployed model's Python flavour takes (raw columns, types, an example), for deploy. */
    void writeRawInputs(Path runDir, RawInputs raw) {
        writeJson(runDir, RAW_INPUTS, raw);
    }

    /** What evaluate found the model's raw records to be; null for a run evaluated before it wrote them. */
    RawInputs readRawInputs(Path runDir) {
        Path file = runDir.resolve(RAW_INPUTS);
        return Files.exists(file) ? json.readValue(file.toFile(), RawInputs.class) : null;
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
