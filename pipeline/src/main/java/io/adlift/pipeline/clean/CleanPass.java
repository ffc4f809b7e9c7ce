package io.adlift.pipeline.clean;

import io.adlift.pipeline.job.RunContext;
import io.adlift.pipeline.storage.SourceTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One source's cleaning within a run: the rules reject rows through {@link #rejectWhere}, which
 * skips rows already rejected so that each row is rejected once, by the first rule it breaks.
 */
public record CleanPass(RunContext run, SourceTables tables, JdbcTemplate jdbc) {

    /** Rejects the staged rows {@code s} of this run matching {@code condition} (SQL on alias {@code s}). */
    public long rejectWhere(String condition, List<Object> conditionArgs, String column, String reason,
            List<Object> reasonArgs) {
        return rejectWhere("", List.of(), condition, conditionArgs, column, reason, reasonArgs);
    }

    /**
     * Rejects the staged rows {@code s} of this run matching {@code condition}.
     *
     * @param from   a join after {@code <staging> s}, whose parameters are {@code fromArgs}
     * @param column     the source column at fault
     * @param reason     an SQL string expression giving the reason; texts in it are parameters
     *                   ({@code reasonArgs}), never literals, since they hold names from the definition
     */
    public long rejectWhere(String from, List<Object> fromArgs, String condition, List<Object> conditionArgs,
            String column, String reason, List<Object> reasonArgs) {
        String sql = "INSERT INTO ingest_reject (pipeline, job_instance_id, job_execution_id, step, source, file, line, "
                + "column_name, reason, raw_record, rejected_at) "
                + "SELECT ?, s.job_instance_id, ?, 'clean', ?, s.source_file, s.source_line, ?, " + reason + ", NULL, ? "
                + "FROM " + tables.staging() + " s " + from
                + " WHERE s.job_instance_id = ? AND (" + condition + ") AND " + notRejected("s");
        List<Object> args = new ArrayList<>(List.of(run.pipeline().name(), run.jobExecutionId(), tables.schema().source(),
                column));
        args.addAll(reasonArgs);
        args.add(Timestamp.from(Instant.now()));
        args.addAll(fromArgs);
        args.add(run.jobInstanceId());
        args.addAll(conditionArgs);
        args.add(tables.schema().source());
        return jdbc.update(sql, args.toArray());
    }

    /** SQL true when the row with alias {@code alias} has not been rejected yet; binds the source last. */
    String notRejected(String alias) {
        return "NOT EXISTS (SELECT 1 FROM ingest_reject r WHERE r.job_instance_id = " + alias + ".job_instance_id"
                + " AND r.file = " + alias + ".source_file AND r.line = " + alias + ".source_line AND r.source = ?)";
    }
}
