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
    record RegisteredVersion(String modelName, int version, String alias, String uri) {
    }

    /** The tracking run id (MLflow's run id), or empty when the tracker has none. */
    Optional<String> id();

    /** Where a person finds the run (an MLflow UI page, a folder). */
    String location();

    void logParams(Map<String, String> params);

    void logMetrics(List<Metric> metrics);

    void logDatasets(List<DatasetInput> datasets);

    /** Stores {@code content} as artifact {@code path} ({@code evaluation/predictions.csv}). */
    void logArtifact(String path, byte[] content);

    /** Stores every file below {@code dir} as artifacts below {@code path}. */
    void logArtifacts(String path, Path dir);

    /**
     * Registers the model logged at artifact {@code artifactPath} as a version of {@code modelName} (once per
     * run) and points {@code alias} at it. Empty when the tracker has no model registry of its own.
     */
    Optional<RegisteredVersion> registerModel(String modelName, String artifactPath, String alias,
            Map<String, String> tags);

    /**
     * Records a finished nested run under this one, such as a tuning trial: MLflow shows it beneath the
     * run (tag {@code mlflow.parentRunId}). A restarted search records its trials again as new children.
     */
    void logChildRun(String name, Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags);

    /** Ends the run with the job's status. */
    void finish(RunStatus status);
}
