package io.adlift.pipeline.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pipeline run as the tracker records it (an MLflow run, or the run's folder). Every method may be
 * called again on a restart with the same arguments: params keep their values, metrics carry their own
 * timestamps and steps, artifacts are replaced, and a model is registered once per run.
 */
public interface TrackedRun {

    /** A metric point; {@code step} is the boosting round for training curves, 0 otherwise. */
    record Metric(String key, double value, long timestamp, long step) {
    }

    /** A registered model version and the alias pointing at it. */
    record RegisteredVersion(String modelName, int version, String alias, String uri, String modelId) {
    }

    /** The tracking run id (MLflow's run id), or empty when the tracker has none. */
    Optional<String> id();

    /** Where a person finds the run (an MLflow UI page, a folder). */
    String location();

    void logParams(Map<String, String> params);

    /** Sets tags on the run (a tag set again takes the new value): the deploy decision, the run's description. */
    void setTags(Map<String, String> tags);

    void logMetrics(List<Metric> metrics);

    void logDatasets(List<DatasetInput> datasets);

    /** Stores {@code content} as artifact {@code path} ({@code evaluation/predictions.csv}). */
    void logArtifact(String path, byte[] content);

    /** Stores every file below {@code dir} as artifacts below {@code path}. */
    void logArtifacts(String path, Path dir);

    /**
     * A model to register: the MLflow model directory deploy wrote, the registered model it becomes a version
     * of (and that model's description, given it when it has none), the alias to point at that version, the version's tags and description, and what the logged model
     * carries (its params, and the metrics measured on it).
     */
    record ModelRegistration(String modelName, String modelDescription, Path dir, String alias, String description,
            Map<String, String> params, List<Metric> metrics, Map<String, String> tags) {
    }

    /**
     * Registers {@code model} (once per run): as an MLflow 3 LoggedModel of this run holding the model directory,
     * with the metrics linked to it, and as a version of the registered model made from it, with the alias
     * pointing at that version. The directory's {@code MLmodel} gets the logged model's id. Empty when the
     * tracker has no model registry of its own.
     */
    Optional<RegisteredVersion> registerModel(ModelRegistration model);

    /**
     * Records a finished nested run under this one, such as a tuning trial: MLflow shows it beneath the
     * run (tag {@code mlflow.parentRunId}). A restarted search records its trials again as new children.
     */
    void logChildRun(String name, Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags);

    /** Ends the run with the job's status. */
    void finish(RunStatus status);
}
