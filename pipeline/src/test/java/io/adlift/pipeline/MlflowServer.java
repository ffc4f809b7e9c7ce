package io.adlift.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real MLflow server that {@code .ci/services} started, read back through its REST API by the tests,
 * with plain HTTP of their own: what Adlift wrote is checked without Adlift's client.
 */
public final class MlflowServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The basic-auth server's admin, as .ci/services configures it. */
    public static final String AUTH_USER = "adlift-admin";
    public static final String AUTH_PASSWORD = "adlift-admin-secret";

    private final String uri;
    private final String authorization;

    private MlflowServer(String uri, String authorization) {
        this.uri = uri;
        this.authorization = authorization;
    }

    public static MlflowServer plain() {
        return new MlflowServer(System.getProperty("adlift.test.mlflow-uri", "http://127.0.0.1:55500"), null);
    }

    public static MlflowServer basicAuth() {
        return new MlflowServer(System.getProperty("adlift.test.mlflow-auth-uri", "http://127.0.0.1:55501"),
                "Basic " + Base64.getEncoder().encodeToString((AUTH_USER + ":" + AUTH_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** A server of the oldest MLflow Adlift supports (.ci/mlflow-oldest-requirements.txt). */
    public static MlflowServer oldest() {
        return new MlflowServer(System.getProperty("adlift.test.mlflow-oldest-uri", "http://127.0.0.1:55502"), null);
    }

    /** The virtualenv's Python, with MLflow and xgboost, that the servers run from. */
    public static Path python() {
        return Path.of(System.getProperty("adlift.test.mlflow-python", "/tmp/adlift-test-mlflow/venv/bin/python"));
    }

    /** The Python of the oldest supported MLflow, that {@link #oldest()} runs from. */
    public static Path oldestPython() {
        return Path.of(System.getProperty("adlift.test.mlflow-oldest-python", "/tmp/adlift-test-mlflow/venv-oldest/bin/python"));
    }

    /** What a Python script printed: its exit code, all its output, and its last line read as JSON. */
    public record PythonRun(int exitCode, String output, JsonNode lastLine) {
    }

    /**
     * Runs test resource {@code script} with {@code python} and {@code args}, MLFLOW_TRACKING_URI set to this
     * server; its standard error is kept in a file of {@code dir}.
     */
    public PythonRun runPython(Path python, Path dir, String script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(python.toString(),
                Path.of(MlflowServer.class.getResource("/" + script).toURI()).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MLFLOW_TRACKING_URI", uri);
        Path err = java.nio.file.Files.createTempFile(dir, "python-", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not end within 5 minutes: " + out);
        }
        return new PythonRun(process.exitValue(), out + java.nio.file.Files.readString(err),
                JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}")));
    }

    public String uri() {
        return uri;
    }

    public JsonNode get(String endpoint, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow/" + endpoint + "?" + q)).GET()));
    }

    public JsonNode post(String endpoint, String body) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow/" + endpoint))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** What the MLflow UI itself fetches at {@code pathAndQuery} (outside the REST API, such as {@code /model-versions/get-artifact}); fails unless 200. */
    public String page(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(uri + pathAndQuery)).GET());
    }

    /** The pipeline runs of the experiment named {@code experiment}, newest first; nested runs (trials) left out. */
    public List<JsonNode> runs(String experiment) {
        return allRuns(experiment).stream().filter(r -> parentOf(r) == null).toList();
    }

    /** The nested runs of {@code parentRunId} in the experiment (its tuning trials). */
    public List<JsonNode> children(String experiment, String parentRunId) {
        return allRuns(experiment).stream().filter(r -> parentRunId.equals(parentOf(r))).toList();
    }

    private List<JsonNode> allRuns(String experiment) {
        String id = get("experiments/get-by-name", Map.of("experiment_name", experiment)).path("experiment")
                .path("experiment_id").asString();
        List<JsonNode> runs = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = post("runs/search", "{\"experiment_ids\":[\"" + id + "\"],\"max_results\":1000"
                    + (token == null ? "" : ",\"page_token\":\"" + token + "\"") + "}");
            page.path("runs").forEach(runs::add);
            token = page.path("next_page_token").asString(null);
        } while (token != null && !token.isEmpty());
        return runs;
    }

    private static String parentOf(JsonNode run) {
        for (JsonNode tag : run.path("data").path("tags")) {
            if ("mlflow.parentRunId".equals(tag.path("key").asString())) {
                return tag.path("value").asString();
            }
        }
        return null;
    }

    /** Every artifact path of a run, recursively. */
    public List<String> artifacts(String runId, String dir) {
        List<String> paths = new ArrayList<>();
        JsonNode listed = dir == null ? get("artifacts/list", Map.of("run_id", runId))
                : get("artifacts/list", Map.of("run_id", runId, "path", dir));
        for (JsonNode f : listed.path("files")) {
            if (f.path("is_dir").asBoolean()) {
                paths.addAll(artifacts(runId, f.path("path").asString()));
            } else {
                paths.add(f.path("path").asString());
            }
        }
        return paths;
    }

    /** An artifact's content, downloaded from the artifact proxy like any client would. */
    public String artifact(JsonNode run, String path) {
        String root = run.path("info").path("artifact_uri").asString().replaceFirst("^mlflow-artifacts:/+", "");
        return send(HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow-artifacts/artifacts/" + root + "/" + path)).GET());
    }

    private String send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("MLflow at " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("MLflow at " + uri + " cannot be reached: " + e.getMessage()
                    + " (does .ci/services start run?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
