package io.adlift.pipeline.job;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Launches a pipeline run. The identifying parameters are the pipeline, the business date and the
 * input fingerprint, so relaunching the same command after a failure restarts the failed execution
 * where it stopped, after a success is a no-op, and {@code rerun} adds a nonce for a fresh instance.
 */
@Component
public class PipelineLauncher {

    private final PipelineCatalog catalog;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job modelPipeline;
    private final Job kpiPipeline;
    private final LaunchLock launchLock;

    PipelineLauncher(PipelineCatalog catalog, JobOperator jobOperator, JobRepository jobRepository, Job modelPipeline,
            Job kpiPipeline, LaunchLock launchLock) {
        this.catalog = catalog;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.modelPipeline = modelPipeline;
        this.kpiPipeline = kpiPipeline;
        this.launchLock = launchLock;
    }

    public LaunchOutcome launch(RunRequest request) throws Exception {
        Pipeline pipeline = catalog.get(request.pipeline());
        Map<String, Path> inputs = checkInputs(pipeline, request.inputs());
        InputFingerprint fingerprint = fingerprint(inputs);
        JobParametersBuilder params = new JobParametersBuilder()
                .addString(RunContext.PIPELINE, pipeline.name())
                .addLocalDate(RunContext.BUSINESS_DATE, request.businessDate())
                .addString(RunContext.INPUT_FINGERPRINT, fingerprint.run());
        if (request.rerun()) {
            params.addString(RunContext.RERUN, Instant.now().toString());
        }
        if (request.scheduledAt() != null) {
            params.addString(RunContext.SCHEDULED_AT, request.scheduledAt().toString());
        }
        inputs.forEach((source, path) -> params.addString(RunContext.INPUT_PREFIX + source, path.toString(), false));
        fingerprint.files().forEach((source, sha256) -> params.addString(RunContext.INPUT_SHA256_PREFIX + source, sha256, false));
        JobParameters parameters = params.toJobParameters();
        Job job = pipeline.hasModel() ? modelPipeline : kpiPipeline;
        // Under the lock, a second launch of the same run finds the first one's execution running (exit 6)
        // instead of creating a second execution next to it.
        return launchLock.around(() -> start(job, parameters));
    }

    private LaunchOutcome start(Job job, JobParameters parameters) throws Exception {
        try {
            return new LaunchOutcome(LaunchOutcome.Kind.RAN, jobOperator.start(job, parameters));
        } catch (JobInstanceAlreadyCompleteException e) {
            return new LaunchOutcome(LaunchOutcome.Kind.ALREADY_COMPLETED,
                    jobRepository.getLastJobExecution(job.getName(), parameters));
        } catch (JobExecutionAlreadyRunningException e) {
            return new LaunchOutcome(LaunchOutcome.Kind.ALREADY_RUNNING,
                    jobRepository.getLastJobExecution(job.getName(), parameters));
        }
    }

    /** Every source has exactly one readable file; paths are made absolute so a restart finds them from anywhere. */
    private static Map<String, Path> checkInputs(Pipeline pipeline, Map<String, Path> given) {
        List<String> problems = new ArrayList<>();
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (String source : given.keySet()) {
            if (!pipeline.sourceNames().contains(source)) {
                problems.add("--input " + source + "=…: pipeline '" + pipeline.name() + "' has no source '" + source
                        + "'; its sources: " + pipeline.sourceNames());
            }
        }
        for (String source : pipeline.sourceNames()) {
            Path path = given.get(source);
            if (path == null) {
                problems.add("missing --input for source '" + source + "' of pipeline '" + pipeline.name() + "'");
            } else if (!Files.isReadable(path) || Files.isDirectory(path)) {
                problems.add("--input " + source + ": " + path + " is not a readable file");
            } else if (!Files.isRegularFile(path)) {
                // A device or a FIFO: the input is read twice (its fingerprint, then ingest), and a FIFO would
                // block the first read until a writer comes, or give ingest nothing.
                problems.add("--input " + source + ": " + path + " is not a regular file (a device or a pipe?); "
                        + "give a file with a header line and data rows");
            } else {
                inputs.put(source, path.toAbsolutePath().normalize());
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return inputs;
    }

    private static InputFingerprint fingerprint(Map<String, Path> inputs) {
        try {
            return InputFingerprint.of(inputs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input files: " + e.getMessage(), e);
        }
    }
}
