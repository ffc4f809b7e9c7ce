package io.adlift.pipeline.job;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Refuses to restart a run whose ingest has not completed when its input files no longer hold what
 * the run started with: ingest would resume after the rows it committed from the old file with the
 * rows of the new one, mixing both. Once ingest has completed the files are not read again, so a
 * later step may be resumed whatever became of them.
 */
@Component
class UnchangedInputs {

    private final PipelineCatalog catalog;
    private final JobRepository repository;

    UnchangedInputs(PipelineCatalog catalog, JobRepository repository) {
        this.catalog = catalog;
        this.repository = repository;
    }

    /** @throws DefinitionException naming each changed or missing file, and what to do instead */
    void check(JobExecution execution) {
        StepExecution ingest = repository.getLastStepExecution(execution.getJobInstance(), "ingest");
        if (ingest != null && ingest.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        JobParameters params = execution.getJobParameters();
        Pipeline pipeline = catalog.get(params.getString(RunContext.PIPELINE));
        Map<String, Path> inputs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String source : pipeline.sourceNames()) {
            String path = params.getString(RunContext.INPUT_PREFIX + source);
            if (path == null) {
                continue;
            }
            if (!Files.isRegularFile(Path.of(path)) || !Files.isReadable(Path.of(path))) {
                problems.add("run " + execution.getId() + "'s input " + source + " (" + path + ") is gone or unreadable");
            }
            inputs.put(source, Path.of(path));
        }
        if (problems.isEmpty()) {
            InputFingerprint now;
            try {
                now = InputFingerprint.of(inputs);
            } catch (IOException e) {
                throw new DefinitionException(List.of("cannot read run " + execution.getId() + "'s input files: "
                        + e.getMessage()));
            }
            if (now.run().equals(params.getString(RunContext.INPUT_FINGERPRINT))) {
                return;
            }
            now.files().forEach((source, sha256) -> {
                String then = params.getString(RunContext.INPUT_SHA256_PREFIX + source);
                if (then == null || !then.equals(sha256)) {
                    problems.add("run " + execution.getId() + "'s input " + source + " (" + inputs.get(source)
                            + ") has changed since the run started" + (then == null ? "" : " (SHA-256 " + abbreviate(then)
                            + "… then, " + abbreviate(sha256) + "… now)"));
                }
            });
        }
        problems.add("restarting would mix rows of two versions of the data, so run " + execution.getId()
                + " is not restarted: restore the file, or run the new data as a run of its own with 'adlift run "
                + pipeline.name() + " --input …' (and give the old run up with 'adlift abandon " + execution.getId() + "')");
        throw new DefinitionException(problems);
    }

    private static String abbreviate(String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }
}
