package io.adlift.pipeline.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunTrackerTest {

    @TempDir
    Path dataDir;

    private TrackedRun open() {
        return new LocalRunTracker(dataDir).open(new RunIdentity("ad-conversions", LocalDate.of(2026, 3, 1), 7, 12, "f"),
                null);
    }

    @Test
    void shouldKeepTheRunsArtifactsUnderTheDataFolderByPipelineAndInstance() {
        TrackedRun run = open();

        run.logArtifact("report/summary.txt", "done".getBytes(StandardCharsets.UTF_8));

        Path dir = dataDir.resolve("tracking").resolve("ad-conversions").resolve("7");
        assertThat(run.location()).isEqualTo(dir.toString());
        assertThat(dir.resolve("report/summary.txt")).hasContent("done");
    }

    @Test
    void shouldCopyAFolderWithItsSubfoldersReplacingWhatAnEarlierAttemptCopied() throws IOException {
        Path model = Files.createDirectories(dataDir.resolve("staged/model/code"));
        Files.writeString(model.resolveSibling("MLmodel"), "flavors: {}");
        Files.writeString(model.resolve("adlift_pyfunc.py"), "# loader");
        TrackedRun run = open();
        run.logArtifact("model/MLmodel", "from an earlier attempt".getBytes(StandardCharsets.UTF_8));

        run.logArtifacts("model", dataDir.resolve("staged/model"));

        Path copied = dataDir.resolve("tracking/ad-conversions/7/model");
        assertThat(copied.resolve("MLmodel")).hasContent("flavors: {}");
        assertThat(copied.resolve("code/adlift_pyfunc.py")).hasContent("# loader");
        assertThat(dataDir.resolve("staged/model/MLmodel")).exists();
    }
}
