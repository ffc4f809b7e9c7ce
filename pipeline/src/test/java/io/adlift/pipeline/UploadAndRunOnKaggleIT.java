package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom data upload through {@code adlift serve} with uploads enabled: the token is required, a file must
 * match its source's schema, client file names never become paths, the size limit holds, and an upload of
 * the real Kaggle file (with one bad row added) runs the pipeline, whose steps and rejects the upload's
 * status then reports, as {@code adlift run} would have written them.
 */
class UploadAndRunOnKaggleIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final String TOKEN = "test-token-" + UUID.randomUUID();
    private static final String UPLOADS = "/api/v1/pipelines/ad-conversions/uploads";

    @TempDir
    static Path dataDir;

    private static ServeProcess serve;
    private static Path uploadFolder;
    /** Tomcat's base folder, where it spools the parts of a multipart body it reads. */
    private static Path tomcat;

    @BeforeAll
    static void serveWithUploadsEnabled() throws Exception {
        TestDatabase.reset();
        uploadFolder = dataDir.resolve("uploads-here");
        tomcat = dataDir.resolve("tomcat");
        serve = ServeProcess.start(dataDir, List.of("--server.tomcat.basedir=" + tomcat, "--adlift.serve.upload.enabled=true",
                "--adlift.serve.upload.token=" + TOKEN, "--adlift.serve.upload.folder=" + uploadFolder,
                "--adlift.serve.upload.max-file-size=200KB"));
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    /** A multipart/form-data body: (field name, file name, content) per part, plus plain fields. */
    private static ServeProcess.Answer upload(String token, List<String[]> parts) throws Exception {
        String boundary = "adlift-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String[] part : parts) {
            body.append("--").append(boundary).append("\r\n");
            if (part.length == 3) {
                body.append("Content-Disposition: form-data; name=\"").append(part[0]).append("\"; filename=\"")
                        .append(part[1]).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(part[2]).append("\r\n");
            } else {
                body.append("Content-Disposition: form-data; name=\"").append(part[0]).append("\"\r\n\r\n")
                        .append(part[1]).append("\r\n");
            }
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serve.url(UPLOADS)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return serve.send(request);
    }

    private static String kaggle() throws Exception {
        return Files.readString(KAG, StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseAnUploadWithoutTheToken() throws Exception {
        ServeProcess.Answer none = upload(null, List.<String[]>of(new String[] {"ads", "ads.csv", kaggle()}));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).contains("Authorization: Bearer");
        ServeProcess.Answer wrong = upload("not-" + TOKEN, List.<String[]>of(new String[] {"ads", "ads.csv", kaggle()}));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(files(uploadFolder)).isEmpty();
    }

    /**
     * Multipart bodies without the token, to the upload endpoint and to /predict, announced as 45 MB and
     * sent in part: each is answered 401 while the rest of its body is still unsent, and nothing of them
     * is on disk. Uploads with the token are read (and spooled) two at a time; a third is answered 503.
     */
    @Test
    void shouldAnswerUnauthenticatedBodiesBeforeReadingThemAndBoundConcurrentUploads() throws Exception {
        List<java.net.Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String path = i % 2 == 0 ? UPLOADS : "/api/v1/pipelines/ad-conversions/predict";
                java.net.Socket socket = startMultipart(path, i % 3 == 0 ? "not-" + TOKEN : null, 45_000_000, 64 * 1024);
                open.add(socket);
                assertThat(statusLine(socket)).as(path).isEqualTo("HTTP/1.1 401 ");
            }
            assertThat(files(tomcat)).as("nothing of an unauthenticated body is on disk").isEmpty();

            java.net.Socket first = startMultipart(UPLOADS, TOKEN, 150_000, 100_000);
            java.net.Socket second = startMultipart(UPLOADS, TOKEN, 150_000, 100_000);
            open.add(first);
            open.add(second);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (files(tomcat).size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50); // both are being read: their parts are being spooled
            }
            java.net.Socket third = startMultipart(UPLOADS, TOKEN, 150_000, 100_000);
            open.add(third);
            assertThat(statusLine(third)).isEqualTo("HTTP/1.1 503 ");
        } finally {
            for (java.net.Socket socket : open) {
                socket.close();
            }
        }
        assertThat(serve.get("/api/v1/uploads/some-id").status()).isEqualTo(401);
        assertThat(serve.get("/actuator/health").body()).doesNotContain("components").doesNotContain("details");
        assertThat(serve.send(HttpRequest.newBuilder(URI.create(serve.url("/actuator/health")))
                .header("Authorization", "Bearer " + TOKEN)).body()).contains("\"db\"");
    }

    /** A multipart request announcing {@code length} bytes, of which only the headers and {@code send} bytes go out. */
    private static java.net.Socket startMultipart(String path, String token, long length, int send) throws Exception {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", serve.port());
        socket.setSoTimeout(60_000);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=adlift-raw\r\nContent-Length: " + length + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n"
                + "--adlift-raw\r\nContent-Disposition: form-data; name=\"ads\"; filename=\"ads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        try {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("x".repeat(send).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (java.io.IOException answeredAndClosedAlready) {
            // The server may refuse and close before all of this is written; its answer is still there to read.
        }
        return socket;
    }

    /** The answer's status line, up to its reason phrase. */
    private static String statusLine(java.net.Socket socket) throws Exception {
        StringBuilder line = new StringBuilder();
        java.io.InputStream in = socket.getInputStream();
        for (int c; (c = in.read()) != -1 && c != '\r'; ) {
            line.append((char) c);
        }
        return line.length() >= 13 ? line.substring(0, 13) : line.toString();
    }

    @Test
    void shouldRefuseAFileMissingAColumnOfItsSourceAndNameTheColumn() throws Exception {
        String withoutClicks = kaggle().replace(",Clicks,", ",Klicks,");
        ServeProcess.Answer answer = upload(TOKEN, List.<String[]>of(new String[] {"ads", "ads.csv", withoutClicks}));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"ads\"", "Clicks");
    }

    @Test
    void shouldNeverUseTheClientsNamesAsPaths() throws Exception {
        ServeProcess.Answer unknownField = upload(TOKEN, List.<String[]>of(new String[] {"ads", "ads.csv", kaggle()},
                new String[] {"../../escape", "x.csv", "a,b\r1,2"}));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).contains("has no source '../../escape'");
        assertThat(Files.exists(uploadFolder.getParent().resolve("escape"))).isFalse();
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimit() throws Exception {
        String big = kaggle() + ("\r" + "1,2,3,30-34,M,15,1,1,1.0,1,1").repeat(20_000);
        ServeProcess.Answer answer = upload(TOKEN, List.<String[]>of(new String[] {"ads", "ads.csv", big}));
        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunAnUploadedFileAndReportItsStepsAndRejects() throws Exception {
        String withABadRow = kaggle() + "\r" + "999999,916,103916,30-34,M,15,lots,1,1.5,1,0";
        ServeProcess.Answer accepted = upload(TOKEN, List.of(new String[] {"ads", "../../evil.csv", withABadRow},
                new String[] {"businessDate", "2026-04-01"}));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = (String) accepted.object().get("id");

        Map<String, Object> status = Map.of();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            status = serve.send(HttpRequest.newBuilder(URI.create(serve.url("/api/v1/uploads/" + id)))
                    .header("Authorization", "Bearer " + TOKEN)).object();
            if (!List.of("queued", "running").contains(status.get("state"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(status).as(status.toString()).containsEntry("state", "completed");
        Map<String, Object> run = (Map<String, Object>) status.get("run");
        assertThat(run).containsEntry("status", "COMPLETED").containsEntry("businessDate", "2026-04-01");
        assertThat((List<Map<String, Object>>) run.get("steps")).extracting(s -> s.get("name"))
                .contains("ingest", "clean", "kpi", "train", "evaluate", "deploy");
        List<Map<String, Object>> rejects = (List<Map<String, Object>>) status.get("rejects");
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0)).containsEntry("line", 1145).containsEntry("column", "Impressions");
        assertThat((String) rejects.get(0).get("reason")).contains("not an integer: 'lots'");

        // The file went into the upload folder under the source's name, whatever the client called it.
        assertThat(files(uploadFolder)).singleElement().satisfies(p -> {
            assertThat(p.getFileName().toString()).isEqualTo("ads.csv");
            assertThat(p.getParent().getParent()).isEqualTo(uploadFolder);
        });
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM kpi_campaign WHERE business_date = DATE '2026-04-01'"))
                .isEqualTo(3);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM deployment WHERE decision = 'deployed'")).isEqualTo(1);
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
