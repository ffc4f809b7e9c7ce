package io.adlift.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's {@code chromium}, headless, driven over the Chrome DevTools Protocol on a WebSocket with
 * java.net.http alone: navigate, evaluate JavaScript in the page, take a screenshot. The test command
 * ({@code .ci/services}) installs the browser.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static HeadlessChromium start(Path profile) throws Exception {
        String binary = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(b -> Files.isExecutable(Path.of(b))).findFirst().orElseThrow(() -> new AssertionError(
                        "chromium is not installed; './mvnw verify' installs it through .ci/services when run as root "
                                + "(else: apt-get install chromium)"));
        Files.createDirectories(profile);
        Process process = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=1400,1800", "about:blank").redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not open its DevTools port:\n"
                        + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        String port = Files.readAllLines(portFile).get(0).trim();
        HttpClient http = HttpClient.newHttpClient();
        String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pages = JSON.readValue(targets, List.class);
        String url = pages.stream().filter(p -> "page".equals(p.get("type"))).findFirst()
                .map(p -> (String) p.get("webSocketDebuggerUrl")).orElseThrow();
        HeadlessChromium[] self = new HeadlessChromium[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    self[0].received(message.toString());
                    message.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new HeadlessChromium(process, socket);
        return self[0];
    }

    @SuppressWarnings("unchecked")
    private void received(String text) {
        Map<String, Object> message = JSON.readValue(text, Map.class);
        Object id = message.get("id");
        if (id instanceof Number n) {
            CompletableFuture<Map<String, Object>> future = pending.remove(n.intValue());
            if (future != null) {
                future.complete(message);
            }
        }
    }

    /** Sends one DevTools command and waits for its result. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .get(30, TimeUnit.SECONDS);
        Map<String, Object> message = answer.get(60, TimeUnit.SECONDS);
        if (message.containsKey("error")) {
            throw new AssertionError(method + " failed: " + message.get("error"));
        }
        return (Map<String, Object>) message.get("result");
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** Opens one of adlift serve's pages and waits until it has drawn its data ({@code body[data-ready=true]}). */
    void openReady(String url) throws Exception {
        call("Page.enable", Map.of());
        navigate(url);
        await("document.body && document.body.dataset.ready === 'true'", Duration.ofSeconds(60));
    }

    /** The value of a JavaScript expression in the page (awaited when it is a promise). */
    @SuppressWarnings("unchecked")
    Object evaluate(String expression) throws Exception {
        Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.containsKey("exceptionDetails")) {
            throw new AssertionError("the page threw on '" + expression + "': " + result.get("exceptionDetails"));
        }
        return ((Map<String, Object>) result.get("result")).get("value");
    }

    /** Waits until {@code expression} is true in the page. */
    void await(String expression, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!Boolean.TRUE.equals(evaluate(expression))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the page did not reach '" + expression + "' within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    void screenshot(Path file) throws Exception {
        Map<String, Object> shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        // Chromium's helpers (renderer, GPU, crash handler) can outlive the browser process for a moment and
        // still write into the profile, which the test's temporary folder then cannot delete: end them all.
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    p.destroyForcibly();
                    p.onExit().get(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            all.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IOException("chromium did not exit", e);
        }
    }
}
