package io.adlift.pipeline.run;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a step needs to know about the run it belongs to, read from the job's parameters: the
 * pipeline, the business date, the input files, and the instance and execution ids that tag every row
 * the run writes.
 */
public record RunContext(Pipeline pipeline, LocalDate businessDate, Map<String, Path> inputs, long jobInstanceId,
        long jobExecutionId) {

    public static final String PIPELINE = "pipeline";
    public static final String BUSINESS_DATE = "businessDate";
    public static final String INPUT_FINGERPRINT = "inputFingerprint";
    public static final String RERUN = "rerun";
    public static final String SCHEDULED_AT = "scheduledAt";
    public static final String INPUT_PREFIX = "input.";
    /** Each input file's SHA-256 as the run started (not identifying), to tell on a restart which file changed. */
    public static final String INPUT_SHA256_PREFIX = "inputSha256.";

    public static RunContext of(StepExecution step, PipelineCatalog catalog) {
        JobExecution job = step.getJobExecution();
        JobParameters params = job.getJobParameters();
        Pipeline pipeline = catalog.get(params.getString(PIPELINE));
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (String source : pipeline.sourceNames()) {
            String path = params.getString(INPUT_PREFIX + source);
            if (path != null) {
                inputs.put(source, Path.of(path));
            }
        }
        return new RunContext(pipeline, params.getLocalDate(BUSINESS_DATE), inputs, job.getJobInstance().getInstanceId(),
                job.getId());
    }

    public Path input(String source) {
        Path path = inputs.get(source);
        if (path == null) {
            throw new IllegalStateException("no input file was given for source '" + source + "' of pipeline '"
                    + pipeline.name() + "'; pass --input " + source + "=PATH");
        }
        return path;
    }
}
