package io.adlift.pipeline.tracking;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlflow.api.proto.ModelRegistry;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.ConfiguredMlflowClients;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adlift's calls to an MLflow tracking server, made through MLflow's official Java client
 * ({@code org.mlflow:mlflow-client}): its typed methods where it has one (experiments, runs, log-batch,
 * run status, artifact listing, registered models, version search), and its {@code sendGet}/{@code sendPost}/
 * {@code sendPatch} for the endpoints it predates (log-inputs, run outputs, MLflow 3's logged models, model
 * versions with a {@code model_id}, aliases), so one credential and connection set-up serves all of them.
 *
 * <p>Written here, because the official client cannot: uploading artifact bytes through the server's artifact
 * proxy (its {@code logArtifact} shells out to a Python {@code mlflow} CLI), and the {@code /health} probe
 * (outside the {@code /api/2.0/mlflow/} paths it can reach). Retries and time limits for both kinds are
 * {@link MlflowCalls}'. Thread-safe: the model branch and the KPI step may use it at once.
 */
final class MlflowClient {

    private static final String ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts/";

    /** log-batch's limits per request (MLflow's MAX_PARAMS_TAGS_PER_BATCH, MAX_METRICS_PER_BATCH, MAX_ENTITIES_PER_BATCH). */
    static final int MAX_PARAMS_PER_BATCH = 100;
    static final int MAX_TAGS_PER_BATCH = 100;
    static final int MAX_METRICS_PER_BATCH = 1000;

    /** A run as the server describes it. */
    record RunInfo(String runId, String experimentId, String status, String artifactUri) {
    }

    /** An MLflow 3 LoggedModel: its id, where its files go, and whether it is READY. */
    record LoggedModel(String modelId, String artifactUri, String status) {
    }

    private final MlflowSettings settings;
    private final JsonMapper json;
    private final org.mlflow.tracking.MlflowClient official;
    private final MlflowCalls calls;
    private final HttpClient http;
    private final String authorization;

    MlflowClient(MlflowSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.calls = new MlflowCalls(settings, json);
        String host = settings.trackingUri().toString();
        BasicMlflowHostCreds creds = settings.hasToken() ? new BasicMlflowHostCreds(host, settings.token())
                : settings.hasBasicAuth() ? new BasicMlflowHostCreds(host, settings.username(), settings.password())
                : new BasicMlflowHostCreds(host);
        this.official = ConfiguredMlflowClients.withoutRetries(creds, settings.connectTimeout(), settings.requestTimeout());
        // The same credentials, as the official client sends them, for the two requests it cannot make.
        this.authorization = creds.getToken() != null ? "Bearer " + creds.getToken()
                : creds.getUsername() != null ? "Basic " + Base64.getEncoder().encodeToString(
                        (creds.getUsername() + ":" + creds.getPassword()).getBytes(StandardCharsets.UTF_8))
                : null;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI trackingUri() {
        return settings.trackingUri();
    }

    // ---------------------------------------------------------------------------------------------
    // Experiments and runs
    // ---------------------------------------------------------------------------------------------

    /** The id of the experiment named {@code name}, created when missing. */
    String experimentId(String name) {
        Optional<Service.Experiment> found = calls.call("GET experiments/get-by-name", () -> official.getExperimentByName(name));
        if (found.isPresent()) {
            return found.get().getExperimentId();
        }
        try {
            return calls.call("POST experiments/create", () -> official.createExperiment(name));
        } catch (MlflowException e) {
            if (e.is("RESOURCE_ALREADY_EXISTS")) {
                // another process created it between our look-up and our create
                return calls.call("GET experiments/get-by-name", () -> official.getExperimentByName(name)).orElseThrow(() -> e)
                        .getExperimentId();
            }
            throw e;
        }
    }

    RunInfo createRun(String experimentId, String runName, long startTime, Map<String, String> tags) {
        Service.CreateRun.Builder request = Service.CreateRun.newBuilder().setExperimentId(experimentId)
                .setRunName(runName).setStartTime(startTime);
        tags.forEach((k, v) -> request.addTags(Service.RunTag.newBuilder().setKey(k).setValue(v)));
        return runInfo(calls.call("POST runs/create", () -> official.createRun(request.build())));
    }

    RunInfo getRun(String runId) {
        return runInfo(calls.call("GET runs/get", () -> official.getRun(runId)).getInfo());
    }

    /** The params the run has so far. */
    Map<String, String> params(String runId) {
        Map<String, String> params = new LinkedHashMap<>();
        calls.call("GET runs/get", () -> official.getRun(runId)).getData().getParamsList()
                .forEach(p -> params.put(p.getKey(), p.getValue()));
        return params;
    }

    /** The run's tags. */
    Map<String, String> tags(String runId) {
        Map<String, String> tags = new LinkedHashMap<>();
        calls.call("GET runs/get", () -> official.getRun(runId)).getData().getTagsList()
                .forEach(t -> tags.put(t.getKey(), t.getValue()));
        return tags;
    }

    void updateRun(String runId, String status, Long endTime) {
        if (endTime == null) {
            // back to RUNNING: the official client only ends runs
            post("runs/update", object().put("run_id", runId).put("status", status));
            return;
        }
        calls.call("POST runs/update", () -> {
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
            calls.call("POST runs/log-batch", () -> {
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
            ObjectNode body = object().put("run_id", runId);
            ArrayNode array = body.putArray("metrics");
            for (TrackedRun.Metric m : metrics.subList(from, Math.min(metrics.size(), from + MAX_METRICS_PER_BATCH))) {
                ObjectNode metric = array.addObject().put("key", m.key()).put("value", m.value())
                        .put("timestamp", m.timestamp()).put("step", m.step()).put("model_id", modelId);
                if (dataset != null) {
                    metric.put("dataset_name", dataset.name()).put("dataset_digest", dataset.digest());
                }
            }
            post("runs/log-batch", body);
        }
    }

    void logInputs(String runId, List<DatasetInput> datasets) {
        ObjectNode body = object().put("run_id", runId);
        ArrayNode array = body.putArray("datasets");
        for (DatasetInput d : datasets) {
            ObjectNode input = array.addObject();
            input.putArray("tags").addObject().put("key", "mlflow.data.context").put("value", d.context());
            input.putObject("dataset").put("name", d.name()).put("digest", d.digest()).put("source_type", d.sourceType())
                    .put("source", d.source()).put("schema", d.schema()).put("profile", d.profile());
        }
        post("runs/log-inputs", body);
    }

    // ---------------------------------------------------------------------------------------------
    // MLflow 3 logged models
    // ---------------------------------------------------------------------------------------------

    LoggedModel createLoggedModel(String experimentId, String name, String sourceRunId, String modelType,
            Map<String, String> params, Map<String, String> tags) {
        ObjectNode body = object().put("experiment_id", experimentId).put("name", name).put("source_run_id", sourceRunId)
                .put("model_type", modelType);
        ArrayNode p = body.putArray("params");
        params.entrySet().stream().limit(MAX_PARAMS_PER_BATCH)
                .forEach(e -> p.addObject().put("key", e.getKey()).put("value", e.getValue()));
        ArrayNode t = body.putArray("tags");
        tags.forEach((k, v) -> t.addObject().put("key", k).put("value", v));
        return loggedModel(post("logged-models", body).path("model"));
    }

    Optional<LoggedModel> loggedModel(String modelId) {
        try {
            return Optional.of(loggedModel(get("logged-models/" + encode(modelId), Map.of()).path("model")));
        } catch (MlflowException e) {
            if (e.is("RESOURCE_DOES_NOT_EXIST")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Names the model an output of the run, as Python's {@code log_model} does, so the run page lists it. */
    void logOutput(String runId, String modelId) {
        ObjectNode body = object().put("run_id", runId);
        body.putArray("models").addObject().put("model_id", modelId).put("step", 0);
        post("runs/outputs", body);
    }

    LoggedModel finalizeLoggedModel(String modelId) {
        ObjectNode body = object().put("model_id", modelId).put("status", "LOGGED_MODEL_READY");
        return loggedModel(patch("logged-models/" + encode(modelId), body).path("model"));
    }

    // ---------------------------------------------------------------------------------------------
    // Artifacts, through the server's artifact proxy
    // ---------------------------------------------------------------------------------------------

    /** Uploads {@code content} as {@code path} below the run's artifact root. */
    void uploadArtifact(RunInfo run, String path, byte[] content) {
        uploadArtifact(run.artifactUri(), "run " + run.runId(), path, content);
    }

    /**
     * Uploads {@code content} as {@code path} below {@code root} (a run's or a logged model's artifact URI),
     * with an HTTP PUT to the artifact proxy. The root must be one the server proxies ({@code mlflow-artifacts:}
     * or its HTTP form); any other (s3://, file:) would need MLflow's Python client where Adlift runs.
     */
    void uploadArtifact(String root, String owner, String path, byte[] content) {
        URI target = artifactUri(root, owner, path);
        calls.call("upload artifact " + path + " of " + owner, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(settings.requestTimeout())
                    .header("User-Agent", "adlift").header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new MlflowHttpException(response.statusCode(), "upload refused", response.body());
            }
            return null;
        });
    }

    /** The paths of the run's artifacts below {@code dir} (recursively), relative to the run's root. */
    List<String> listArtifacts(String runId, String dir) {
        List<String> files = new ArrayList<>();
        List<Service.FileInfo> found = calls.call("GET artifacts/list",
                () -> dir == null ? official.listArtifacts(runId) : official.listArtifacts(runId, dir));
        for (Service.FileInfo f : found) {
            if (f.getIsDir()) {
                files.addAll(listArtifacts(runId, f.getPath()));
            } else {
                files.add(f.getPath());
            }
        }
        return files;
    }

    private URI artifactUri(String rootText, String owner, String path) {
        URI root = URI.create(rootText);
        String encoded = encodePath(path);
        if ("mlflow-artifacts".equals(root.getScheme())) {
            // mlflow-artifacts:/<exp>/<run>/artifacts or mlflow-artifacts://host:port/<exp>/<run>/artifacts: the
            // path below the proxy's root, served by this tracking server
            String below = root.getPath().replaceFirst("^/+", "");
            return URI.create(settings.trackingUri() + ARTIFACTS_API + encodePath(below) + "/" + encoded);
        }
        if (("http".equals(root.getScheme()) || "https".equals(root.getScheme()))
                && root.getPath().contains(ARTIFACTS_API.substring(0, ARTIFACTS_API.length() - 1))) {
            return URI.create(rootText + "/" + encoded);
        }
        throw new MlflowException("MLflow at " + settings.trackingUri() + " stores the artifacts of " + owner
                + " at " + MlflowSettings.redact(rootText) + ", which it does not proxy; Adlift uploads artifacts through "
                + "the server's artifact proxy only: start the server with --serve-artifacts (the default) and an "
                + "--artifacts-destination, and create the experiment without an artifact location outside it", 0, null, null);
    }

    private static String encodePath(String path) {
        return java.util.Arrays.stream(path.split("/")).map(MlflowClient::encode).collect(Collectors.joining("/"));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------------------------------------
    // Model registry
    // ---------------------------------------------------------------------------------------------

    /** Creates registered model {@code name} with {@code description}, or gives an existing one without a description it. */
    void createRegisteredModelIfMissing(String name, String description) {
        try {
            ModelRegistry.RegisteredModel found = calls.call("GET registered-models/get", () -> official.getRegisteredModel(name));
            if (found.getDescription().isBlank()) {
                // a description a person wrote in the UI is kept; only an empty one is filled
                patch("registered-models/update", object().put("name", name).put("description", description));
            }
            return;
        } catch (MlflowException e) {
            if (!e.is("RESOURCE_DOES_NOT_EXIST")) {
                throw e;
            }
        }
        try {
            post("registered-models/create", object().put("name", name).put("description", description));
        } catch (MlflowException e) {
            if (!e.is("RESOURCE_ALREADY_EXISTS")) {
                throw e;
            }
        }
    }

    /** The versions of {@code name} created from run {@code runId}, oldest first. */
    List<Integer> versionsOfRun(String name, String runId) {
        String filter = "name='" + name.replace("'", "\\'") + "' and run_id='" + runId + "'";
        List<Integer> versions = new ArrayList<>();
        for (ModelRegistry.ModelVersion v : calls.call("GET model-versions/search",
                () -> official.searchModelVersions(filter).getItems())) {
            versions.add(Integer.parseInt(v.getVersion()));
        }
        versions.sort(null);
        return versions;
    }

    /** A version of {@code name} made from a logged model ({@code source models:/<model id>}), linked to its run. */
    int createModelVersion(String name, String modelId, String runId, String description, Map<String, String> tags) {
        ObjectNode body = object().put("name", name).put("source", "models:/" + modelId).put("run_id", runId)
                .put("model_id", modelId).put("description", description);
        ArrayNode tagArray = body.putArray("tags");
        tags.forEach((k, v) -> tagArray.addObject().put("key", k).put("value", v));
        return Integer.parseInt(post("model-versions/create", body).path("model_version").path("version").asString());
    }

    void setAlias(String name, String alias, int version) {
        post("registered-models/alias", object().put("name", name).put("alias", alias).put("version", Integer.toString(version)));
    }

    // ---------------------------------------------------------------------------------------------
    // Requests the official client sends as they are
    // ---------------------------------------------------------------------------------------------

    JsonNode get(String endpoint, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String path = endpoint + (q.isEmpty() ? "" : "?" + q);
        return parse(endpoint, calls.call("GET " + endpoint, () -> official.sendGet(path)));
    }

    JsonNode patch(String endpoint, ObjectNode body) {
        String text = json.writeValueAsString(body);
        return parse(endpoint, calls.call("PATCH " + endpoint, () -> official.sendPatch(endpoint, text)));
    }

    JsonNode post(String endpoint, ObjectNode body) {
        String text = json.writeValueAsString(body);
        return parse(endpoint, calls.call("POST " + endpoint, () -> official.sendPost(endpoint, text)));
    }

    /**
     * The server's answer to {@code GET /health}, once, without retries: a health check must say how
     * things are now, quickly. Throws when nothing answers.
     */
    int health(Duration timeout) throws java.io.IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.trackingUri() + "/health"))
                .timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode parse(String endpoint, String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new MlflowException("MLflow at " + settings.trackingUri() + " answered " + endpoint
                    + " with something that is not JSON (is it an MLflow tracking server?): "
                    + MlflowCalls.abbreviate(body), 200, null, e);
        }
    }

    private ObjectNode object() {
        return json.createObjectNode();
    }

    private static RunInfo runInfo(Service.RunInfo info) {
        return new RunInfo(info.getRunId(), info.getExperimentId(), info.getStatus().name(), info.getArtifactUri());
    }

    private static LoggedModel loggedModel(JsonNode model) {
        JsonNode info = model.path("info");
        return new LoggedModel(info.path("model_id").asString(), info.path("artifact_uri").asString(),
                info.path("status").asString());
    }
}
