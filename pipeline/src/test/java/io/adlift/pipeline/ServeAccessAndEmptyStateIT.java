package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adlift serve} as an operator starts it on a fresh database with {@code adlift.serve.require-token}: it
 * listens on the loopback interface only and says so; every page and API but health needs the token (as a
 * bearer token or as the password of HTTP basic); and the dashboard of a pipeline that never ran says so in a
 * real headless Chromium, instead of claiming every campaign recovers its spend.
 */
class ServeAccessAndEmptyStateIT {

    private static final String TOKEN = "s3cret-dashboard-token";
    private static final Path SCREENSHOT = Path.of("target", "dashboard-empty-state.png");

    @TempDir
    static Path dir;

    private static ServeProcess serve;

    @BeforeAll
    static void serveAnEmptyDatabase() throws Exception {
        TestDatabase.reset();
        serve = ServeProcess.start(dir, List.of("--adlift.serve.require-token=true", "--adlift.serve.upload.token=" + TOKEN));
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    private static ServeProcess.Answer get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serve.url(path))).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return serve.send(request);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldListenOnLoopbackOnlyAndPrintTheAddressItListensOn() throws Exception {
        assertThat(serve.output()).contains("serving on http://127.0.0.1:" + serve.port() + "/");
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address to try");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside.get(), serve.port()), 3000);
            }
        }).as("nothing listens on " + outside.get()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void shouldRefuseEveryPageAndApiWithoutTheTokenButHealth() throws Exception {
        for (String path : List.of("/", "/api/v1/dashboard", "/designer", "/ui/dashboard.js", "/v3/api-docs")) {
            ServeProcess.Answer refused = get(path, null);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.body()).as(path).contains("adlift.serve.require-token");
            assertThat(get(path, "Bearer wrong").status()).as(path).isEqualTo(401);
            assertThat(get(path, basic("anyone", "wrong")).status()).as(path).isEqualTo(401);
            assertThat(get(path, "Bearer " + TOKEN).status()).as(path).isEqualTo(200);
            assertThat(get(path, basic("anyone", TOKEN)).status()).as(path).isEqualTo(200);
        }
        var challenge = serve.sendRaw(HttpRequest.newBuilder(URI.create(serve.url("/"))).GET());
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSayAPipelineHasNotRunInsteadOfShowingEmptyChartsAndNoAlerts() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium"))) {
            chromium.call("Network.enable", Map.of());
            chromium.call("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer " + TOKEN)));
            chromium.openReady(serve.url("/?pipeline=session-conversion"));
            Map<String, Object> shown = (Map<String, Object>) chromium.evaluate("({"
                    + "notes: [...document.querySelectorAll('#notes li')].map(l => l.textContent),"
                    + "alerts: document.getElementById('alerts').textContent,"
                    + "empties: [...document.querySelectorAll('.chart .empty')].map(e => e.textContent),"
                    + "charts: document.querySelectorAll('.chart').length,"
                    + "upload: document.getElementById('upload').hidden})");
            assertThat((List<String>) shown.get("notes")).singleElement().asString()
                    .contains("No KPI rows for pipeline 'session-conversion' yet")
                    .contains("adlift run session-conversion --input");
            assertThat((String) shown.get("alerts")).contains("the pipeline has not run").doesNotContain("recovers");
            assertThat((List<String>) shown.get("empties")).hasSize(((Number) shown.get("charts")).intValue())
                    .allSatisfy(e -> assertThat(e).contains("has not run"));
            assertThat(shown.get("upload")).as("uploads are off: no upload form").isEqualTo(true);
            Files.deleteIfExists(SCREENSHOT);
            chromium.screenshot(SCREENSHOT);
            assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        }
    }
}
