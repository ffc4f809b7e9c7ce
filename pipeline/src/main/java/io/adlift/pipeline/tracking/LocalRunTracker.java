package io.adlift.pipeline.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.FileSystemUtils;

/**
 * {@code local}, without an MLflow server: metrics, the gate's decision and deployed models stay where
 * they always were (the database and the models folder); the run's artifacts (evaluation CSVs, the
 * resolved definition, rejected rows) are written to {@code <data-dir>/tracking/<pipeline>/<job instance>/}.
 * Params, curves and datasets are already in the database, the job repository and the model's
 * provenance, so they are not written again. There is no run id: KPI rows keep {@code mlflow_run_id} empty.
 */
final class LocalRunTracker implements RunTracker {

    private final Path dataDir;

    LocalRunTracker(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public TrackedRun open(RunIdentity run, String existingId) {
        return new Run(dataDir.resolve("tracking").resolve(run.pipeline()).resolve(Long.toString(run.jobInstanceId())));
    }

    private record Run(Path dir) implements TrackedRun {

        @Override
        public Optional<String> id() {
            return Optional.empty();
        }

        @Override
        public String location() {
            return dir.toString();
        }

        @Override
        public void logParams(Map<String, String> params) {
            // in the job repository (parameters) and the definition artifact
        }

        @Override
        public void setTags(Map<String, String> tags) {
            // the decision is in the deployment table, the description in the definition artifact
        }

        @Override
        public void logMetrics(List<Metric> metrics) {
            // in model_metric, the job repository (step counts, durations) and the model's provenance (curve)
        }

        @Override
        public void logDatasets(List<DatasetInput> datasets) {
            // the inputs are the job's parameters; their fingerprint is part of its identity
        }

        @Override
        public void logArtifact(String path, byte[] content) {
            Path file = dir.resolve(path);
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the run's artifact " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void logArtifacts(String path, Path from) {
            Path to = dir.resolve(path);
            try {
                FileSystemUtils.copyRecursively(from, to);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void logChildRun(String name, Map<String, String> params, Map<String, Double> metrics,
                Map<String, String> tags) {
            // the trials are in model_trial and the run's report
        }

        @Override
        public Optional<RegisteredVersion> registerModel(ModelRegistration model) {
            // the local registry is the models folder and the deployment table, which deploy keeps itself
            return Optional.empty();
        }

        @Override
        public void finish(RunStatus status) {
            // the job repository holds the status
        }
    }
}
