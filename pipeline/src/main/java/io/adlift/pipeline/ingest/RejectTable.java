package io.adlift.pipeline.ingest;

import io.adlift.pipeline.job.RunContext;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes to and counts {@code ingest_reject}, the record of every input row kept out of the data. */
public final class RejectTable {

    private static final int RAW_LIMIT = 4000;

    private final JdbcTemplate jdbc;

    public RejectTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RunContext run, String step, String source, String file, long line, String column, String reason,
            String raw) {
        jdbc.update("INSERT INTO ingest_reject (pipeline, job_instance_id, job_execution_id, step, source, file, line, "
                        + "column_name, reason, raw_record, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.pipeline().name(), run.jobInstanceId(), run.jobExecutionId(), step, source, file, line, column,
                truncate(reason, 2000), truncate(raw, RAW_LIMIT), Timestamp.from(Instant.now()));
    }

    public long count(long jobInstanceId, String step, String source) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE job_instance_id = ? AND step = ? AND source = ?",
                Long.class, jobInstanceId, step, source);
        return n == null ? 0 : n;
    }

    private static String truncate(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
