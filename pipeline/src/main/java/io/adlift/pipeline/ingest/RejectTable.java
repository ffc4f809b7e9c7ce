package io.adlift.pipeline.ingest;

import io.adlift.pipeline.run.RunContext;
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
                run.pipeline().name(), run.jobInstanceId(), run.jobExecutionId(), step, source, file, line,
                storable(column, 200), storable(reason, 2000), storable(raw, RAW_LIMIT), Timestamp.from(Instant.now()));
    }

    public long count(long jobInstanceId, String step, String source) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE job_instance_id = ? AND step = ? AND source = ?",
                Long.class, jobInstanceId, step, source);
        return n == null ? 0 : n;
    }

    /**
     * The text as PostgreSQL can store it: a NUL byte, which a rejected record may hold and a text column
     * cannot, is shown as the visible {@code \0}; cut to {@code limit} characters.
     */
    private static String storable(String text, int limit) {
        if (text == null) {
            return null;
        }
        String visible = text.indexOf('\0') < 0 ? text : text.replace("\0", "\\0");
        return visible.length() <= limit ? visible : visible.substring(0, limit - 1) + "…";
    }
}
