package io.adlift.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real {@code adlift} command line in-process, as the executable would, against a given
 * database and data folder, and captures what it prints. The repository's own config folder is used,
 * so the shipped pipeline definitions are what is tested.
 */
public final class Adlift {

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private final List<String> settings = new ArrayList<>();

    private Adlift(Path dataDir) {
        Path root = repoRoot();
        settings.add("--spring.config.additional-location=file:" + root.resolve("config") + "/");
        settings.add("--adlift.home=" + root);
        settings.add("--adlift.data-dir=" + dataDir);
    }

    /** On the embedded H2 default, with its database file in {@code dataDir}. */
    public static Adlift embedded(Path dataDir) {
        return new Adlift(dataDir);
    }

    /** On the test PostgreSQL. */
    public static Adlift onPostgres(Path dataDir) {
        Adlift adlift = new Adlift(dataDir);
        adlift.settings.add("--spring.datasource.url=" + TestDatabase.url());
        adlift.settings.add("--spring.datasource.username=" + TestDatabase.USER);
        adlift.settings.add("--spring.datasource.password=" + TestDatabase.PASSWORD);
        return adlift;
    }

    public Adlift with(String setting) {
        settings.add(setting);
        return this;
    }

    public synchronized Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(settings);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int code = AdliftApplication.run(all.toArray(String[]::new));
            return new Result(code, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(capturedOut.toString(StandardCharsets.UTF_8));
        }
    }

    public static Path repoRoot() {
        String configured = System.getProperty("adlift.test.repo-root");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }

    /** A file of the real public datasets shipped in the repository ({@code examples/data}). */
    public static Path realData(String file) {
        String configured = System.getProperty("adlift.test.real-data");
        Path dir = configured != null ? Path.of(configured) : repoRoot().resolve("examples/data");
        return dir.resolve(file).toAbsolutePath().normalize();
    }
}
