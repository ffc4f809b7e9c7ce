package io.adlift.pipeline.serve.upload;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.serve.FieldError;
import io.adlift.pipeline.serve.InvalidRecordsException;
import io.adlift.pipeline.serve.ServeProperties;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import io.adlift.steps.ingest.CsvSource;
import io.adlift.steps.ingest.MissingColumnsException;
import io.adlift.steps.ingest.RecordTyper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Adlift's own upload folder: each upload in a new folder named by a random id, each file named
 * {@code <source>.csv} after the pipeline's source it is for. The client's file name is never used as a
 * path, so nothing it sends can point outside the folder. The files' headers are checked against the
 * sources' schemas as ingest checks them, so a file missing a column is refused before any run.
 */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class UploadFolder {

    private final Path folder;
    private final long maxFileSize;

    UploadFolder(ServeProperties properties, @Value("${adlift.data-dir}") Path dataDir) {
        ServeProperties.Upload upload = properties.upload();
        this.folder = (upload.folder() != null ? upload.folder() : dataDir.resolve("uploads")).toAbsolutePath().normalize();
        this.maxFileSize = upload.maxFileSize().toBytes();
    }

    /** Stores one file per source; returns the upload's id and where each source's file went. */
    Map<String, Path> store(String id, Pipeline pipeline, Map<String, MultipartFile> files) {
        List<FieldError> errors = new ArrayList<>();
        files.keySet().stream().filter(s -> !pipeline.sourceNames().contains(s)).forEach(s -> errors.add(new FieldError(0, s,
                "pipeline '" + pipeline.name() + "' has no source '" + s + "'; its sources: " + pipeline.sourceNames())));
        pipeline.sourceNames().stream().filter(s -> !files.containsKey(s) || files.get(s).isEmpty()).forEach(s -> errors.add(
                new FieldError(0, s, "missing: send a non-empty CSV file for source '" + s + "' (form field '" + s + "')")));
        files.forEach((s, f) -> {
            if (f.getSize() > maxFileSize) {
                errors.add(new FieldError(0, s, "larger than " + maxFileSize + " bytes (adlift.serve.upload.max-file-size)"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRecordsException("the upload does not match pipeline '" + pipeline.name() + "'", errors);
        }
        Path dir = folder.resolve(id).normalize();
        if (!dir.startsWith(folder)) {
            throw new IllegalStateException("upload id " + id + " leaves the upload folder");
        }
        Map<String, Path> stored = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (String source : pipeline.sourceNames()) {
                Path file = dir.resolve(source + ".csv");
                try (InputStream in = files.get(source).getInputStream()) {
                    Files.copy(in, file);
                }
                stored.put(source, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload in " + dir + ": " + e.getMessage(), e);
        }
        try {
            checkHeaders(pipeline, stored);
        } catch (InvalidRecordsException refused) {
            // A refused upload leaves nothing behind.
            org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
            throw refused;
        }
        return stored;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private static void checkHeaders(Pipeline pipeline, Map<String, Path> stored) {
        List<FieldError> errors = new ArrayList<>();
        stored.forEach((source, file) -> {
            try (CsvSource csv = CsvSource.open(file, 0)) {
                new RecordTyper(pipeline.schema(source), source + ".csv", csv.header());
            } catch (MissingColumnsException e) {
                errors.add(new FieldError(0, source, e.getMessage()));
            } catch (IOException | RuntimeException e) {
                errors.add(new FieldError(0, source, "not a readable CSV file: " + e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRecordsException("the files do not match the sources' schemas", errors);
        }
    }
}
