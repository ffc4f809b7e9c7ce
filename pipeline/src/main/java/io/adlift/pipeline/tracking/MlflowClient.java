package io.adlift.pipeline.tracking;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlflow.api.proto.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adlift's calls to an MLflow tracking server about experiments and runs, made through MLflow's official Java
 * client ({@code org.mlflow:mlflow-client}) over one {@link MlflowConnection}: its typed methods where it has one
 * (experiments, runs, log-batch, run status), its raw requests for the endpoints it predates (log-inputs, run
 * outputs, metrics of a logged model). A run's artifacts are {@link #artifacts()}', its logged models and their
 * registration {@link #models()}'. Thread-safe: the model branch and the KPI step may use it at once.
 */
final class MlflowClient {

    /** log-batch's limits per request (MLflow's MAX_PARAMS_TAGS_PER_BATCH, MAX_METRICS_PER_BATCH, MAX_ENTITIES_PER_BATCH). */
    static final int MAX_PARAMS_PER_BATCH = 100;
    static final int MAX_TAGS_PER_BATCH = 100;
    static final int MAX_METRICS_PER_BATCH = 1000;

    /** A run as the server describes it. */
    record RunInfo(String runId, String experimentId, String status, String artifactUri) {
    }

    private final MlflowConnection connection;
    private final MlflowArtifacts artifacts;
    private final MlflowModels models;

    MlflowClient(MlflowSettings settings, JsonMapper json) {
        this.connection = new MlflowConnection(settings, json);
        this.artifacts = new MlflowArtifacts(connection);
        this.models = new MlflowModels(connection);
    }

    URI trackingUri() {
        return connection.trackingUri();
    }

    MlflowConnection connection() {
        return connection;
    }

    MlflowArtifacts artifacts() {
        return artifacts;
    }

    MlflowModels models() {
        return models;
    }

    /** The server's {@code GET /health} status, once, without retries (see {@link MlflowConnection#health}). */
    int health(Duration timeout) throws IOException, InterruptedException {
        return connection.health(timeout);
    }

    // ---------------------------------------------------------------------------------------------
    // Experiments and runs
    // ---------------------------------------------------------------------------------------------

    /** The id of the experiment named {@code name}, created when missing. */
    String experimentId(String name) {
        Optional<Service.Experiment> found = connection.call("GET experiments/get-by-name",
                official -> official.getExperimentByName(name));
        if (found.isPresent()) {
            return found.get().getExperimentId();
        }
        try {
            return connection.call("POST experiments/create", official -> official.createExperiment(name));
        } catch (MlflowException e) {
            if (e.is("RESOURCE_ALREADY_EXISTS")) {
                // another process created it between our look-up and our create
                return connection.call("GET experiments/get-by-name", official -> official.getExperimentByName(name))
                        .orElseThrow(() -> e).getExperimentId();
            }
            throw e;
        }
    }

    RunInfo createRun(String experimentId, String runName, long startTime, Map<String, String> tags) {
        Service.CreateRun.Builder request = Service.CreateRun.newBuilder().setExperimentId(experimentId)
                .setRunName(runName).setStartTime(startTime);
        tags.forEach((k, v) -> request.addTags(Service.RunTag.newBuilder().setKey(k).setValue(v)));
        return runInfo(connection.call("POST runs/create", official -> official.createRun(request.build())));
    }

    RunInfo getRun(String runId) {
        return runInfo(connection.call("GET runs/get", official -> official.getRun(runId)).getInfo());
    }

    /** The params the run has so far. */
    Map<String, String> params(String runId) {
        Map<String, String> params = new LinkedHashMap<>();
        connection.call("GET runs/get", official -> official.getRun(runId)).getData().getParamsList()
                .forEach(p -> params.put(p.getKey(), p.getValue()));
        return params;
    }

    /** The run's tags. */
    Map<String, String> tags(String runId) {
        Map<String, String> tags = new LinkedHashMap<>();
        connection.call("GET runs/get", official -> official.getRun(runId)).getData().getTagsList()
                .forEach(t -> tags.put(t.getKey(), t.getValue()));
        return tags;
    }

    void updateRun(String runId, String status, Long endTime) {
        if (endTime == null) {
            // back to RUNNING: the official client only ends runs
            connection.post("runs/update", connection.object().put("run_id", runId).put("status", status));
            return;
        }
        connection.call("POST runs/update", official -> {
            official.setTerminated(runId, Service.RunStatus.valueOf(status), endTime);
            return null;
        });
    }

    /**
     * log-batch in as many requests as its limits need. Param values longer than MLflow accepts are
     * shortened (by the caller; see {@link Params}); a param logged again must have the same value.
     */
    void logBatch(String runId, Map<String, String> params, Map<String, String> tags, List<TrackedRun.Metric> metrics) {
        List<Map.Entry<String, String>> p = new ArrayList<>(params.entrySet());
        List<Map.Entry<String, String>> t = new ArrayList<>(tags.entrySet());
        int pi = 0;
        int ti = 0;
        int mi = 0;
        while (pi < p.size() || ti < t.size() || mi < metrics.size()) {
            List<Service.Param> pa = new ArrayList<>();
            for (int end = Math.min(p.size(), pi + MAX_PARAMS_PER_BATCH); pi < end; pi++) {
                pa.add(Service.Param.newBuilder().setKey(p.get(pi).getKey()).setValue(p.get(pi).getValue()).build());
            }
            List<Service.RunTag> ta = new ArrayList<>();
            for (int end = Math.min(t.size(), ti + MAX_TAGS_PER_BATCH); ti < end; ti++) {
                ta.add(Service.RunTag.newBuilder().setKey(t.get(ti).getKey()).setValue(t.get(ti).getValue()).build());
            }
            // at most 1000 entities per request in all
            List<Service.Metric> ma = new ArrayList<>();
            int room = MAX_METRICS_PER_BATCH - pa.size() - ta.size();
            for (int end = Math.min(metrics.size(), mi + room); mi < end; mi++) {
                TrackedRun.Metric m = metrics.get(mi);
                ma.add(Service.Metric.newBuilder().setKey(m.key()).setValue(m.value()).setTimestamp(m.timestamp())
                        .setStep(m.step()).build());
            }
            connection.call("POST runs/log-batch", official -> {
                official.logBatch(runId, ma, pa, ta);
                return null;
            });
        }
    }

    /**
     * Logs metrics of the run that belong to a logged model (and, when given, were measured on a dataset), so
     * that MLflow shows them on the model: the official client's metrics have no {@code model_id} yet.
     */
    void logModelMetrics(String runId, String modelId, DatasetInput dataset, List<TrackedRun.Metric> metrics) {
        for (int from = 0; from < metrics.size(); from += MAX_METRICS_PER_BATCH) {
            ObjectNode body = connection.object().put("run_id", runId);
            ArrayNode array = body.putArray("metrics");
            for (TrackedRun.Metric m : metrics.subList(from, Math.min(metrics.size(), from + MAX_METRICS_PER_BATCH))) {
                ObjectNode metric = array.addObject().put("key", m.key()).put("value", m.value())
                        .put("timestamp", m.timestamp()).put("step", m.step()).put("model_id", modelId);
                if (dataset != null) {
                    metric.put("dataset_name", dataset.name()).put("dataset_digest", dataset.digest());
                }
            }
            connection.post("runs/log-batch", body);
        }
    }

    void logInputs(String runId, List<DatasetInput> datasets) {
        ObjectNode body = connection.object().put("run_id", runId);
        ArrayNode array = body.putArray("datasets");
        for (DatasetInput d : datasets) {
            ObjectNode input = array.addObject();
            input.putArray("tags").addObject().put("key", "mlflow.data.context").put("value", d.context());
            input.putObject("dataset").put("name", d.name()).put("digest", d.digest()).put("source_type", d.sourceType())
                    .put("source", d.source()).put("schema", d.schema()).put("profile", d.profile());
        }
        connection.post("runs/log-inputs", body);
    }

    /** Names the model an output of the run, as Python's {@code log_model} does, so the run page lists it. */
    void logOutput(String runId, String modelId) {
        ObjectNode body = connection.object().put("run_id", runId);
        body.putArray("models").addObject().put("model_id", modelId).put("step", 0);
        connection.post("runs/outputs", body);
    }

    private static RunInfo runInfo(Service.RunInfo info) {
        return new RunInfo(info.getRunId(), info.getExperimentId(), info.getStatus().name(), info.getArtifactUri());
    }
}
