package io.adlift.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code adlift serve} from the packaged jar on the test PostgreSQL, on a free port, talked to over real
 * HTTP; stopped with SIGTERM at the end, as a service manager would.
 */
final class ServeProcess implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: status and body, the body also as JSON when it is JSON. */
    record Answer(int status, String body) {
        Object json() {
            return JSON.readValue(body, Object.class);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json();
        }
    }

    private final AdliftProcess process;
    private final String base;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServeProcess(AdliftProcess process, int port) {
        this.process = process;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    static ServeProcess start(Path dataDir, List<String> settings) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> all = new ArrayList<>(settings);
        ServeProcess serve = new ServeProcess(AdliftProcess.start(dataDir, all, "serve", "--port", Integer.toString(port)),
                port);
        serve.process.awaitWhileRunning(() -> serve.answers("/actuator/health"), Duration.ofSeconds(120));
        return serve;
    }

    String url(String path) {
        return base + path;
    }

    private boolean answers(String path) {
        try {
            return get(path).status() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, Object json) throws IOException, InterruptedException {
        return postRaw(path, JSON.writeValueAsString(json));
    }

    Answer postRaw(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The response itself, headers and all. */
    HttpResponse<String> sendRaw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    String output() throws IOException {
        return process.output();
    }

    /** SIGTERM, then the exit code. */
    int stop() throws Exception {
        process.terminate();
        return process.exitCode(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        process.close();
    }

    /** {@code adlift <args>} in-process on the test PostgreSQL, which must exit 0. */
    static void adlift(Path dataDir, List<String> settings, String... args) {
        Adlift adlift = Adlift.onPostgres(dataDir);
        settings.forEach(adlift::with);
        Adlift.Result result = adlift.run(args);
        org.assertj.core.api.Assertions.assertThat(result.exitCode()).as(result.all()).isZero();
    }

    /** From an empty database: generates {@code rows} of the pipeline's main table (seed 11) and runs it. */
    static void generateAndRun(Path dir, String pipeline, int rows, String businessDate) {
        TestDatabase.reset();
        Path input = dir.resolve("in");
        adlift(dir, List.of(), "generate", pipeline, "--rows", Integer.toString(rows), "--seed", "11", "--out",
                input.toString());
        adlift(dir, List.of(), "run", pipeline, "--input", input.toString(), "--business-date", businessDate);
    }

    /** The shipped pipeline definitions copied to {@code dir}, each edited by {@code edit} (name, text). */
    static Path definitions(Path dir, java.util.function.BinaryOperator<String> edit) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(Adlift.repoRoot().resolve("config/pipelines"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Files.writeString(dir.resolve(name), edit.apply(name, Files.readString(file)));
            }
        }
        return dir;
    }
}
