package io.adlift.pipeline.ingest;

import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.storage.LookupIndexes;
import io.adlift.pipeline.storage.RowSink;
import io.adlift.pipeline.storage.SourceTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Before ingest, creates the source tables; after it, proves that nothing was lost: for every
 * source, the records read (the reader's committed count, across restarts) equal the rows staged
 * plus the rows rejected, as counted in the database. A mismatch, or more rejects than the source's
 * {@code max-reject-ratio} allows, fails the step with a message that says so.
 */
final class IngestReconciliation implements StepExecutionListener {

    private final RunContext run;
    private final JdbcTemplate jdbc;
    private final Map<String, SourceTables> tables;
    private final RejectTable rejects;
    private final RowSink sink;

    IngestReconciliation(RunContext run, JdbcTemplate jdbc, Map<String, SourceTables> tables, RejectTable rejects,
            RowSink sink) {
        this.run = run;
        this.jdbc = jdbc;
        this.tables = tables;
        this.rejects = rejects;
        this.sink = sink;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        tables.values().forEach(t -> t.create(jdbc));
        LookupIndexes.create(run.pipeline(), jdbc);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        tables.values().forEach(t -> sink.analyze(t.staging()));
        List<String> problems = new ArrayList<>();
        tables.forEach((source, table) -> {
            long read = step.getExecutionContext().getLong(SourcesReader.readKey(source), 0L);
            Long staged = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.staging() + " WHERE job_instance_id = ?",
                    Long.class, run.jobInstanceId());
            long rejected = rejects.count(run.jobInstanceId(), "ingest", source);
            step.getExecutionContext().putLong("ingest." + source + ".staged", staged);
            step.getExecutionContext().putLong("ingest." + source + ".rejected", rejected);
            String unreadable = step.getExecutionContext().getString(SourcesReader.unreadableKey(source), null);
            if (unreadable != null) {
                problems.add(unreadable + "; the rest of the file is not in the data, so the run stops here. "
                        + "Fix the file and run again");
            } else if (read == 0) {
                problems.add("source '" + source + "': " + run.input(source) + " has a header but no data rows");
            }
            if (read != staged + rejected) {
                problems.add("source '" + source + "': read " + read + " records but staged " + staged + " and rejected "
                        + rejected + "; " + Math.abs(read - staged - rejected) + " unaccounted for");
            }
            double limit = run.pipeline().steps().ingest().sources().get(source).maxRejectRatio();
            if (read > 0 && (double) rejected / read > limit) {
                problems.add(String.format(Locale.ROOT,
                        "source '%s': %d of %d records rejected (%.1f%%), more than max-reject-ratio %.1f%%; "
                                + "see the ingest_reject table for each record's line, column and reason",
                        source, rejected, read, 100.0 * rejected / read, 100.0 * limit));
            }
        });
        if (problems.isEmpty()) {
            return null;
        }
        String message = String.join("; ", problems);
        step.setStatus(BatchStatus.FAILED);
        step.addFailureException(new IngestRejectedException(message));
        return ExitStatus.FAILED.addExitDescription(message);
    }
}
