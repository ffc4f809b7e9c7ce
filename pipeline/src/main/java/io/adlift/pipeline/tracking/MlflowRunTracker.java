package io.adlift.pipeline.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import io.adlift.pipeline.tracking.MlflowModels.LoggedModel;
import io.adlift.steps.deploy.MlflowModelDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mlflow}: one MLflow run per job instance, in the experiment {@code MLFLOW_EXPERIMENT_NAME}
 * (default: the pipeline's name, created when missing), named {@code <pipeline> <date> #<execution>} and
 * tagged with the job's identity, the build and the host.
 */
final class MlflowRunTracker implements RunTracker {

    private static final Logger log = LoggerFactory.getLogger(MlflowRunTracker.class);
    /** The run's tag naming the MLflow 3 logged model its deploy created. */
    static final String LOGGED_MODEL_TAG = "adlift.logged_model_id";

    /**
     * The query that opens MLflow 3's UI in its machine-learning view (runs, metrics, models), not the GenAI one it
     * opens by default (traces, evaluations), where a training run's pages are not.
     */
    static final String MACHINE_LEARNING_VIEW = "?workflowType=machine_learning";

    private final MlflowClient client;
    private final String experimentName;
    private final BuildInfo build;

    MlflowClient client() {
        return client;
    }

    MlflowRunTracker(MlflowClient client, String experimentName, BuildInfo build) {
        this.client = client;
        this.experimentName = experimentName;
        this.build = build;
    }

    @Override
    public String name() {
        return "mlflow";
    }

    @Override
    public TrackedRun open(RunIdentity run, String existingId) {
        Map<String, String> tags = tags(run);
        if (existingId != null) {
            try {
                MlflowClient.RunInfo info = client.getRun(existingId);
                // the same run goes on: RUNNING again, and the tags say which execution now writes to it
                client.updateRun(existingId, "RUNNING", null);
                tags.remove("mlflow.runName");
                client.logBatch(existingId, Map.of(), tags, List.of());
                log.info("Continuing MLflow run {} at {}", existingId, client.trackingUri());
                return new Run(info);
            } catch (MlflowException e) {
                if (!e.is("RESOURCE_DOES_NOT_EXIST")) {
                    throw e;
                }
                log.warn("MLflow run {} of this job no longer exists at {}; starting a new one", existingId,
                        client.trackingUri());
            }
        }
        String experiment = experimentName == null || experimentName.isBlank() ? run.pipeline() : experimentName;
        String experimentId = client.experimentId(experiment);
        MlflowClient.RunInfo info = client.createRun(experimentId, run.runName(), System.currentTimeMillis(), tags);
        log.info("MLflow run {} in experiment '{}' at {}", info.runId(), experiment, client.trackingUri());
        return new Run(info);
    }

    private Map<String, String> tags(RunIdentity run) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.runName", run.runName());
        tags.put("mlflow.source.name", "adlift");
        tags.put("mlflow.source.type", "JOB");
        tags.put("mlflow.user", System.getProperty("user.name", "unknown"));
        tags.put("adlift.pipeline", run.pipeline());
        tags.put("adlift.business_date", run.businessDate().toString());
        tags.put("adlift.job_instance_id", Long.toString(run.jobInstanceId()));
        tags.put("adlift.job_execution_id", Long.toString(run.jobExecutionId()));
        tags.put("adlift.input_fingerprint", run.inputFingerprint());
        tags.put("adlift.version", build.version());
        tags.put("adlift.host", build.host());
        if (build.commit() != null) {
            tags.put("adlift.commit", build.commit() + (build.dirty() ? "-dirty" : ""));
            tags.put("mlflow.source.git.commit", build.commit());
        }
        return tags;
    }

    private final class Run implements TrackedRun {

        private final MlflowClient.RunInfo info;

        Run(MlflowClient.RunInfo info) {
            this.info = info;
        }

        @Override
        public Optional<String> id() {
            return Optional.of(info.runId());
        }

        @Override
        public String location() {
            return client.trackingUri() + "/#/experiments/" + info.experimentId() + "/runs/" + info.runId()
                    + MACHINE_LEARNING_VIEW;
        }

        /**
         * MLflow refuses to change a param's value. A restart logs the same values again, which is allowed;
         * a value that changed in between (the definition was edited to fix the failure) is kept as it
         * was and named in the tag {@code adlift.changed_params}, rather than failing the run.
         */
        @Override
        public void logParams(Map<String, String> params) {
            Map<String, String> existing = client.params(info.runId());
            Map<String, String> fresh = new LinkedHashMap<>();
            List<String> changed = new ArrayList<>();
            params.forEach((k, v) -> {
                String before = existing.get(k);
                if (before == null) {
                    fresh.put(k, v);
                } else if (!before.equals(v)) {
                    changed.add(k);
                }
            });
            Map<String, String> tags = new LinkedHashMap<>();
            if (!changed.isEmpty()) {
                log.warn("MLflow run {}: params {} changed since the run started; MLflow keeps their first values",
                        info.runId(), changed);
                tags.put("adlift.changed_params", Params.shorten(String.join(", ", changed), Params.MAX_TAG_VALUE));
            }
            client.logBatch(info.runId(), fresh, tags, List.of());
        }

        @Override
        public void setTags(Map<String, String> tags) {
            Map<String, String> shortened = new LinkedHashMap<>();
            tags.forEach((k, v) -> shortened.put(k, Params.shorten(v, Params.MAX_TAG_VALUE)));
            client.logBatch(info.runId(), Map.of(), shortened, List.of());
        }

        @Override
        public void logMetrics(List<Metric> metrics) {
            client.logBatch(info.runId(), Map.of(), Map.of(), metrics.stream().filter(m -> Double.isFinite(m.value())).toList());
        }

        @Override
        public void logDatasets(List<DatasetInput> datasets) {
            client.logInputs(info.runId(), datasets);
        }

        @Override
        public void logArtifact(String path, byte[] content) {
            client.artifacts().uploadArtifact(info, path, content);
        }

        @Override
        public void logArtifacts(String path, Path dir) {
            uploadTree(info.artifactUri(), "run " + info.runId(), dir, path + "/");
        }

        @Override
        public void logChildRun(String name, Map<String, String> params, Map<String, Double> metrics,
                Map<String, String> tags) {
            Map<String, String> childTags = new LinkedHashMap<>(tags);
            childTags.put("mlflow.parentRunId", info.runId());
            childTags.put("mlflow.runName", name);
            childTags.put("mlflow.source.name", "adlift");
            long now = System.currentTimeMillis();
            MlflowClient.RunInfo child = client.createRun(info.experimentId(), name, now, childTags);
            Map<String, String> shortened = new LinkedHashMap<>();
            params.forEach((k, v) -> shortened.put(k, Params.shorten(v, Params.MAX_VALUE)));
            client.logBatch(child.runId(), shortened, Map.of(), metrics.entrySet().stream()
                    .filter(e -> Double.isFinite(e.getValue()))
                    .map(e -> new Metric(e.getKey(), e.getValue(), now, 0)).toList());
            client.updateRun(child.runId(), RunStatus.FINISHED.name(), System.currentTimeMillis());
        }

        /**
         * One logged model and one version per run: the logged model's id is kept in the run's tag
         * {@value #LOGGED_MODEL_TAG} as soon as it exists, so a restarted deploy completes the model its first
         * attempt created (uploading its files again, which replaces them) and finds the version it registered.
         */
        @Override
        public Optional<RegisteredVersion> registerModel(ModelRegistration model) {
            LoggedModel logged = loggedModel(model);
            MlflowModelDirectory.setModelId(model.dir(), logged.modelId(), info.runId());
            uploadTree(logged.artifactUri(), "logged model " + logged.modelId(), model.dir(), "");
            if (!"LOGGED_MODEL_READY".equals(logged.status())) {
                client.models().finalizeLoggedModel(logged.modelId());
            }
            client.logModelMetrics(info.runId(), logged.modelId(), null, model.metrics().stream()
                    .filter(m -> Double.isFinite(m.value())).toList());
            client.models().createRegisteredModelIfMissing(model.modelName(), model.modelDescription());
            List<Integer> existing = client.models().versionsOfRun(model.modelName(), info.runId());
            int version = existing.isEmpty()
                    ? client.models().createModelVersion(model.modelName(), logged.modelId(), info.runId(), model.description(),
                            model.tags())
                    : existing.get(0);
            client.models().setAlias(model.modelName(), model.alias(), version);
            return Optional.of(new RegisteredVersion(model.modelName(), version, model.alias(),
                    "models:/" + model.modelName() + "/" + version, logged.modelId()));
        }

        private LoggedModel loggedModel(ModelRegistration model) {
            String known = client.tags(info.runId()).get(LOGGED_MODEL_TAG);
            if (known != null) {
                Optional<LoggedModel> found = client.models().loggedModel(known);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Map<String, String> params = new LinkedHashMap<>();
            model.params().forEach((k, v) -> params.put(k, Params.shorten(v, Params.MAX_VALUE)));
            LoggedModel created = client.models().createLoggedModel(info.experimentId(), model.modelName(), info.runId(), "xgboost",
                    params, model.tags());
            client.logBatch(info.runId(), Map.of(), Map.of(LOGGED_MODEL_TAG, created.modelId()), List.of());
            client.logOutput(info.runId(), created.modelId());
            return created;
        }

        private void uploadTree(String root, String owner, Path dir, String prefix) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    client.artifacts().uploadArtifact(root, owner, prefix + relative, Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir + " to upload it to MLflow: " + e.getMessage(), e);
            }
        }

        @Override
        public void finish(RunStatus status) {
            client.updateRun(info.runId(), status.name(), System.currentTimeMillis());
        }
    }
}
