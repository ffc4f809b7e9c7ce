package io.adlift.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;

/**
 * An HTTP proxy on loopback in front of the real MLflow server, which goes away like a server that
 * crashed when it sees a chosen request: that request's connection is dropped and the port closed, so
 * every further attempt is refused. {@link #up()} brings it back on the same port. It lets a test cut
 * the tracking server at an exact point of a run (say, the train step's first call) and no sooner.
 */
final class CuttableProxy implements AutoCloseable {

    private final URI target;
    private final BiPredicate<String, String> cutOn;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private volatile boolean armed = true;
    private volatile HttpServer server;
    private ExecutorService executor;

    /** {@code cutOn} sees each request's path and body; the first it accepts takes the server down. */
    CuttableProxy(String target, BiPredicate<String, String> cutOn) throws IOException {
        this.target = URI.create(target);
        this.cutOn = cutOn;
        this.port = listen(0);
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    boolean isDown() {
        return server == null;
    }

    /** Listens again on the same port and forwards everything; it will not cut again. */
    void up() throws IOException {
        armed = false;
        listen(port);
    }

    private synchronized int listen(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        executor = Executors.newCachedThreadPool();
        s.setExecutor(executor);
        s.createContext("/", this::handle);
        s.start();
        server = s;
        return s.getAddress().getPort();
    }

    private synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().toString();
        if (armed && cutOn.test(path, new String(body, StandardCharsets.UTF_8))) {
            armed = false;
            // no answer at all: the connection drops, then nothing listens
            exchange.close();
            new Thread(this::down, "proxy-down").start();
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(path))
                .method(exchange.getRequestMethod(), body.length == 0 && !"PUT".equals(exchange.getRequestMethod())
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : new String[] {"Content-Type", "Authorization"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                forward.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        down();
    }
}
