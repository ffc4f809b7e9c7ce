package io.adlift.pipeline.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's answers to what a tracking server does badly: 5xx and 429 retried with backoff, refused
 * credentials not retried, an unreachable server named in the message, credentials never shown. The
 * real MLflow server cannot be made to answer 503 on demand, so a small loopback HTTP server scripts
 * the answers here; everything else is tested against the real server in the integration tests.
 */
class MlflowClientTest {

    private record Answer(int status, String body, String retryAfter) {
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldRetryServerErrorsAndTooManyRequestsThenSucceed() {
        script.add(new Answer(503, "busy", null));
        script.add(new Answer(429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow down\"}", "0"));
        script.add(new Answer(200, "{\"run\":{\"info\":{\"run_id\":\"r1\",\"status\":\"RUNNING\"}}}", null));

        MlflowClient.RunInfo run = client(uri(), 4, null, null, null).getRun("r1");

        assertThat(run.runId()).isEqualTo("r1");
        assertThat(seen).hasSize(3);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptNamingTheServerTheRequestAndTheLastAnswer() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"database is locked\"}", null));
        }
        String uri = uri();

        assertThatThrownBy(() -> client(uri, 3, null, null, null).getRun("r1"))
                .isInstanceOf(MlflowException.class)
                .hasMessageContaining("MLflow at " + uri + " is unavailable: GET runs/get failed after 3 attempts")
                .hasMessageContaining("HTTP 500: INTERNAL_ERROR database is locked");
        assertThat(seen).hasSize(3);
    }

    @Test
    void shouldNotRetryRefusedCredentialsAndNeverShowThem() {
        script.add(new Answer(401, "You are not authenticated.", null));
        String uri = uri();

        assertThatThrownBy(() -> client(uri, 5, "analyst", "s3cret-pw", null).getRun("r1"))
                .isInstanceOf(MlflowException.class)
                .hasMessageContaining("refused the credentials (HTTP 401)")
                .hasMessageContaining("user 'analyst'")
                .message().doesNotContain("s3cret-pw");
        assertThat(seen).hasSize(1);
    }

    @Test
    void shouldSendTheTokenInsteadOfTheUserWhenBothAreSet() {
        script.add(new Answer(200, "{}", null));

        client(uri(), 1, "analyst", "pw", "tok-123").connection().get("experiments/search", Map.of());

        assertThat(seen.get(0)).contains("Bearer tok-123");
    }

    @Test
    void shouldNameAnUnreachableServerAfterItsRetries() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String uri = "http://127.0.0.1:" + closed;

        assertThatThrownBy(() -> client(uri, 2, null, null, null).getRun("r1"))
                .isInstanceOf(MlflowException.class)
                .hasMessageContaining("MLflow at " + uri + " is unavailable: GET runs/get failed after 2 attempts: cannot connect")
                .hasMessageContaining("MLFLOW_TRACKING_URI");
    }

    @Test
    void shouldLogInWithTheCredentialsInTheTrackingUriAndNeverShowThem() {
        script.add(new Answer(401, "You are not authenticated.", null));
        String plain = uri();
        String withCredentials = plain.replace("http://", "http://analyst:s3cret%40pw@");

        MlflowSettings settings = settings(withCredentials, 1, null, null, null);
        assertThat(settings.trackingUri().toString()).isEqualTo(plain);
        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(MlflowSettings.redact(withCredentials)).isEqualTo(plain);
        assertThatThrownBy(() -> new MlflowClient(settings, JsonMapper.builder().build()).getRun("r1"))
                .isInstanceOf(MlflowException.class)
                .hasMessageContaining("MLflow at " + plain + " refused the credentials")
                .message().doesNotContain("s3cret");
        String basic = java.util.Base64.getEncoder().encodeToString("analyst:s3cret@pw".getBytes(StandardCharsets.UTF_8));
        assertThat(seen).singleElement().asString().endsWith("Basic " + basic);
    }

    @Test
    void shouldKeepCredentialsOutOfTheSettingsText() {
        MlflowSettings settings = settings("http://localhost:5000", 1, "analyst", "pw-in-clear", "tok-in-clear");

        assertThat(settings.toString()).doesNotContain("pw-in-clear").doesNotContain("tok-in-clear");
    }

    @Test
    void shouldShortenOverlongParamValuesWithAMarker() {
        String shortened = Params.shorten("x".repeat(7000), Params.MAX_VALUE);

        assertThat(shortened).hasSize(Params.MAX_VALUE).endsWith("[shortened by Adlift from 7000 characters]");
        assertThat(Params.shorten("short", Params.MAX_VALUE)).isEqualTo("short");
    }

    private String uri() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            Answer answer = script.isEmpty() ? new Answer(500, "script exhausted", null) : script.poll();
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static MlflowClient client(String uri, int attempts, String user, String password, String token) {
        return new MlflowClient(settings(uri, attempts, user, password, token), JsonMapper.builder().build());
    }

    private static MlflowSettings settings(String uri, int attempts, String user, String password, String token) {
        return new MlflowSettings(URI.create(uri), user, password, token, null, attempts, Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
