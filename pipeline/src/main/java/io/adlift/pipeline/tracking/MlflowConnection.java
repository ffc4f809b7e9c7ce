package io.adlift.pipeline.tracking;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlflow.tracking.ConfiguredMlflowClients;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One connection to an MLflow tracking server: MLflow's official Java client ({@code org.mlflow:mlflow-client})
 * with Adlift's credentials, its {@code sendGet}/{@code sendPost}/{@code sendPatch} for the endpoints it has no
 * typed method for, and, written here because the official client cannot make them, the artifact proxy's
 * {@code PUT} and the {@code /health} probe, sent with the same credentials. Retries and time limits are
 * {@link MlflowCalls}'. Thread-safe.
 */
final class MlflowConnection {

    /** A request made through the official client. */
    @FunctionalInterface
    interface OfficialRequest<T> {
        T send(MlflowClient official) throws Exception;
    }

    private final MlflowSettings settings;
    private final JsonMapper json;
    private final MlflowClient official;
    private final MlflowCalls calls;
    private final HttpClient http;
    private final String authorization;

    MlflowConnection(MlflowSettings settings, JsonMapper json) {
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

    /** Sends {@code request}, named {@code what} in messages ("GET runs/get"), with the retries and time limit. */
    <T> T call(String what, OfficialRequest<T> request) {
        return calls.call(what, () -> request.send(official));
    }

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

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** PUTs {@code content} to {@code target} (an artifact proxy address), named {@code what} in messages. */
    void put(String what, URI target, byte[] content) {
        calls.call(what, () -> {
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

    /**
     * The server's answer to {@code GET /health}, once, without retries: a health check must say how
     * things are now, quickly. Throws when nothing answers.
     */
    int health(Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.trackingUri() + "/health"))
                .timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String encodePath(String path) {
        return Arrays.stream(path.split("/")).map(MlflowConnection::encode).collect(Collectors.joining("/"));
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
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
}
