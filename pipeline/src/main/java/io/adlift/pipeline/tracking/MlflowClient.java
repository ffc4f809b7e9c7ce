package io.adlift.pipeline.tracking;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adlift's own client of the MLflow REST API (tracking, model registry, artifact proxy), on the JDK's
 * HTTP client. MLflow's Java client lacks aliases, log-inputs, registered models and versions, and
 * uploads artifacts through a Python CLI; it also reads no credentials and never retries. This one
 * sends MLflow's credentials, retries connection failures, 5xx and 429 with exponential backoff
 * (honouring {@code Retry-After}), and then fails with a message naming the server and the request.
 * Thread-safe: the model branch and the KPI step may use it at once.
 */
final class MlflowClient {

    private static final Logger log = LoggerFactory.getLogger(MlflowClient.class);
    private static final String API = "/api/2.0/mlflow/";
    private static final String ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts/";

    /** log-batch's limits per request (MLflow's MAX_PARAMS_TAGS_PER_BATCH, MAX_METRICS_PER_BATCH, MAX_ENTITIES_PER_BATCH). */
    static final int MAX_PARAMS_PER_BATCH = 100;
    static final int MAX_TAGS_PER_BATCH = 100;
    static final int MAX_METRICS_PER_BATCH = 1000;

    /** A run as the server describes it. */
    record RunInfo(String runId, String experimentId, String status, String artifactUri) {
    }

    private final MlflowSettings settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final String authorization;

    MlflowClient(MlflowSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        if (settings.hasToken()) {
            authorization = "Bearer " + settings.token();
        } else if (settings.hasBasicAuth()) {
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
    }

    URI trackingUri() {
        return settings.trackingUri();
    }

    // ---------------------------------------------------------------------------------------------
    // Experiments and runs
    // ---------------------------------------------------------------------------------------------

    /** The id of the experiment named {@code name}, created when missing. */
    String experimentId(String name) {
        Optional<JsonNode> found = getIfExists("experiments/get-by-name", Map.of("experiment_name", name));
        if (found.isPresent()) {
            return found.get().path("experiment").path("experiment_id").asString();
        }
        try {
            return post("experiments/create", object().put("name", name)).path("experiment_id").asString();
        } catch (MlflowException e) {
            if (e.is("RESOURCE_ALREADY_EXISTS")) {
                // another process created it between our look-up and our create
                return get("experiments/get-by-name", Map.of("experiment_name", name)).path("experiment")
                        .path("experiment_id").asString();
            }
            throw e;
        }
    }

    RunInfo createRun(String experimentId, String runName, long startTime, Map<String, String> tags) {
        ObjectNode body = object().put("experiment_id", experimentId).put("run_name", runName).put("start_time", startTime);
        ArrayNode tagArray = body.putArray("tags");
        tags.forEach((k, v) -> tagArray.addObject().put("key", k).put("value", v));
        return runInfo(post("runs/create", body).path("run"));
    }

    RunInfo getRun(String runId) {
        return runInfo(get("runs/get", Map.of("run_id", runId)).path("run"));
    }

    /** The params the run has so far. */
    Map<String, String> params(String runId) {
        Map<String, String> params = new LinkedHashMap<>();
        for (JsonNode p : get("runs/get", Map.of("run_id", runId)).path("run").path("data").path("params")) {
            params.put(p.path("key").asString(), p.path("value").asString());
        }
        return params;
    }

    void updateRun(String runId, String status, Long endTime) {
        ObjectNode body = object().put("run_id", runId).put("status", status);
        if (endTime != null) {
            body.put("end_time", endTime);
        }
        post("runs/update", body);
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
            ObjectNode body = object().put("run_id", runId);
            ArrayNode pa = body.putArray("params");
            for (int end = Math.min(p.size(), pi + MAX_PARAMS_PER_BATCH); pi < end; pi++) {
                pa.addObject().put("key", p.get(pi).getKey()).put("value", p.get(pi).getValue());
            }
            ArrayNode ta = body.putArray("tags");
            for (int end = Math.min(t.size(), ti + MAX_TAGS_PER_BATCH); ti < end; ti++) {
                ta.addObject().put("key", t.get(ti).getKey()).put("value", t.get(ti).getValue());
            }
            // at most 1000 entities per request in all
            ArrayNode ma = body.putArray("metrics");
            int room = MAX_METRICS_PER_BATCH - pa.size() - ta.size();
            for (int end = Math.min(metrics.size(), mi + room); mi < end; mi++) {
                TrackedRun.Metric m = metrics.get(mi);
                ma.addObject().put("key", m.key()).put("value", m.value()).put("timestamp", m.timestamp())
                        .put("step", m.step());
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
    // Artifacts, through the server's artifact proxy
    // ---------------------------------------------------------------------------------------------

    /**
     * Uploads {@code content} as {@code path} below the run's artifact root, with an HTTP PUT to the
     * artifact proxy. The root must be one the server proxies ({@code mlflow-artifacts:} or its HTTP
     * form); any other (s3://, file:) would need MLflow's Python client where Adlift runs.
     */
    void uploadArtifact(RunInfo run, String path, byte[] content) {
        URI target = artifactUri(run, path);
        send("upload artifact " + path + " of run " + run.runId(), () -> request(target)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    /** The paths of the run's artifacts below {@code dir} (recursively), relative to the run's root. */
    List<String> listArtifacts(String runId, String dir) {
        List<String> files = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("run_id", runId);
        if (dir != null) {
            query.put("path", dir);
        }
        for (JsonNode f : get("artifacts/list", query).path("files")) {
            if (f.path("is_dir").asBoolean()) {
                files.addAll(listArtifacts(runId, f.path("path").asString()));
            } else {
                files.add(f.path("path").asString());
            }
        }
        return files;
    }

    private URI artifactUri(RunInfo run, String path) {
        URI root = URI.create(run.artifactUri());
        String encoded = encodePath(path);
        if ("mlflow-artifacts".equals(root.getScheme())) {
            // mlflow-artifacts:/<exp>/<run>/artifacts or mlflow-artifacts://host:port/<exp>/<run>/artifacts: the
            // path below the proxy's root, served by this tracking server
            String below = root.getPath().replaceFirst("^/+", "");
            return URI.create(settings.trackingUri() + ARTIFACTS_API + encodePath(below) + "/" + encoded);
        }
        if (("http".equals(root.getScheme()) || "https".equals(root.getScheme()))
                && root.getPath().contains(ARTIFACTS_API.substring(0, ARTIFACTS_API.length() - 1))) {
            return URI.create(run.artifactUri() + "/" + encoded);
        }
        throw new MlflowException("MLflow at " + settings.trackingUri() + " stores the artifacts of run " + run.runId()
                + " at " + run.artifactUri() + ", which it does not proxy; Adlift uploads artifacts through the server's "
                + "artifact proxy only: start the server with --serve-artifacts (the default) and an --artifacts-destination, "
                + "and create the experiment without an artifact location outside it", 0, null, null);
    }

    private static String encodePath(String path) {
        return java.util.Arrays.stream(path.split("/"))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    // ---------------------------------------------------------------------------------------------
    // Model registry
    // ---------------------------------------------------------------------------------------------

    void createRegisteredModelIfMissing(String name) {
        if (getIfExists("registered-models/get", Map.of("name", name)).isPresent()) {
            return;
        }
        try {
            post("registered-models/create", object().put("name", name));
        } catch (MlflowException e) {
            if (!e.is("RESOURCE_ALREADY_EXISTS")) {
                throw e;
            }
        }
    }

    /** The versions of {@code name} created from run {@code runId}, oldest first. */
    List<Integer> versionsOfRun(String name, String runId) {
        List<Integer> versions = new ArrayList<>();
        JsonNode found = get("model-versions/search",
                Map.of("filter", "name='" + name.replace("'", "\\'") + "' and run_id='" + runId + "'"));
        for (JsonNode v : found.path("model_versions")) {
            versions.add(Integer.parseInt(v.path("version").asString()));
        }
        versions.sort(null);
        return versions;
    }

    int createModelVersion(String name, String source, String runId, Map<String, String> tags) {
        ObjectNode body = object().put("name", name).put("source", source).put("run_id", runId);
        ArrayNode tagArray = body.putArray("tags");
        tags.forEach((k, v) -> tagArray.addObject().put("key", k).put("value", v));
        return Integer.parseInt(post("model-versions/create", body).path("model_version").path("version").asString());
    }

    void setAlias(String name, String alias, int version) {
        post("registered-models/alias", object().put("name", name).put("alias", alias).put("version", Integer.toString(version)));
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP with retries
    // ---------------------------------------------------------------------------------------------

    JsonNode get(String endpoint, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(settings.trackingUri() + API + endpoint + (q.isEmpty() ? "" : "?" + q));
        return parse(endpoint, send("GET " + endpoint, () -> request(uri).GET().build()));
    }

    private Optional<JsonNode> getIfExists(String endpoint, Map<String, String> query) {
        try {
            return Optional.of(get(endpoint, query));
        } catch (MlflowException e) {
            if (e.is("RESOURCE_DOES_NOT_EXIST")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The server's answer to {@code GET /health}, once, without retries: a health check must say how
     * things are now, quickly. Throws when nothing answers.
     */
    int health(Duration timeout) throws java.io.IOException, InterruptedException {
        HttpRequest request = request(URI.create(settings.trackingUri() + "/health")).timeout(timeout).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    JsonNode post(String endpoint, ObjectNode body) {
        URI uri = URI.create(settings.trackingUri() + API + endpoint);
        String text = json.writeValueAsString(body);
        return parse(endpoint, send("POST " + endpoint, () -> request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build()));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("User-Agent", "adlift");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private JsonNode parse(String endpoint, String body) {
        if (body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new MlflowException("MLflow at " + settings.trackingUri() + " answered " + endpoint
                    + " with something that is not JSON (is it an MLflow tracking server?): " + abbreviate(body), 200, null, e);
        }
    }

    /**
     * Sends the request, retrying what may pass on a later try: no connection, a time-out, 5xx and 429.
     * Other answers (400, 401, 403, 404) are final at once.
     */
    private String send(String what, java.util.function.Supplier<HttpRequest> request) {
        Duration backoff = settings.initialBackoff();
        String lastProblem = null;
        Throwable lastCause = null;
        int lastStatus = 0;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait = backoff;
            try {
                HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return response.body();
                }
                if (status != 429 && status < 500) {
                    throw refused(what, status, response.body());
                }
                lastStatus = status;
                lastCause = null;
                lastProblem = "HTTP " + status + serverMessage(response.body());
                wait = retryAfter(response).orElse(backoff);
            } catch (HttpTimeoutException e) {
                lastStatus = 0;
                lastCause = e;
                lastProblem = "no answer within " + (e instanceof java.net.http.HttpConnectTimeoutException
                        ? settings.connectTimeout() : settings.requestTimeout());
            } catch (ConnectException e) {
                lastStatus = 0;
                lastCause = e;
                lastProblem = "cannot connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
            } catch (IOException e) {
                lastStatus = 0;
                lastCause = e;
                lastProblem = "connection failed (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MlflowException("interrupted while waiting for MLflow at " + settings.trackingUri() + " (" + what
                        + ")", 0, null, e);
            }
            if (attempt < settings.maxAttempts()) {
                log.warn("MLflow at {}: {} failed ({}); attempt {} of {}, retrying in {} ms", settings.trackingUri(), what,
                        lastProblem, attempt, settings.maxAttempts(), wait.toMillis());
                sleep(wait);
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
        }
        throw new MlflowException("MLflow at " + settings.trackingUri() + " is unavailable: " + what + " failed after "
                + settings.maxAttempts() + " attempt" + (settings.maxAttempts() == 1 ? "" : "s") + ": " + lastProblem
                + ". Check that the server runs and MLFLOW_TRACKING_URI is right, then restart the run", lastStatus, null,
                lastCause);
    }

    private MlflowException refused(String what, int status, String body) {
        String code = null;
        try {
            JsonNode error = json.readTree(body);
            code = error.path("error_code").asString(null);
        } catch (JacksonException notJson) {
            // an HTML or plain-text error page; its text is in the message below
        }
        String message = switch (status) {
            case 401 -> "MLflow at " + settings.trackingUri() + " refused the credentials (HTTP 401) for " + what
                    + ": Adlift sent " + settings.credentialsInUse() + "; check MLFLOW_TRACKING_USERNAME and "
                    + "MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN)";
            case 403 -> "MLflow at " + settings.trackingUri() + " forbids " + what + " (HTTP 403) to "
                    + settings.credentialsInUse() + serverMessage(body)
                    + "; give that user the permission, or check the server's --allowed-hosts";
            default -> "MLflow at " + settings.trackingUri() + " refused " + what + " (HTTP " + status + ")"
                    + serverMessage(body);
        };
        return new MlflowException(message, status, code, null);
    }

    private String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = json.readTree(body);
            String message = error.path("message").asString(null);
            if (message != null) {
                return ": " + abbreviate(error.path("error_code").asString("") + " " + message).trim();
            }
        } catch (JacksonException notJson) {
            // fall through to the raw text
        }
        return ": " + abbreviate(body.strip());
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        });
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(min(wait, settings.maxBackoff()).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlflowException("interrupted while waiting to retry MLflow at " + settings.trackingUri(), 0, null, e);
        }
    }

    private ObjectNode object() {
        return json.createObjectNode();
    }

    private static RunInfo runInfo(JsonNode run) {
        JsonNode info = run.path("info");
        return new RunInfo(info.path("run_id").asString(), info.path("experiment_id").asString(),
                info.path("status").asString(), info.path("artifact_uri").asString());
    }
}
