package io.adlift.pipeline.model;

import io.adlift.pipeline.run.RunContext;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code deployment}: the gate's decision for each run, and the version it deployed, if any. */
public final class DeploymentTable {

    public record Deployment(String decision, String reasons, Integer version, String modelPath) {
        public boolean deployed() {
            return version != null;
        }
    }

    private final JdbcTemplate jdbc;

    public DeploymentTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int nextVersion(String modelName) {
        Integer max = jdbc.queryForObject("SELECT MAX(version) FROM deployment WHERE model_name = ?", Integer.class,
                modelName);
        return max == null ? 1 : max + 1;
    }

    void record(RunContext run, String modelName, Integer version, String decision, String reasons, Path path) {
        jdbc.update("INSERT INTO deployment (pipeline, business_date, job_instance_id, job_execution_id, model_name, "
                        + "version, decision, reasons, model_path, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.pipeline().name(), Date.valueOf(run.businessDate()), run.jobInstanceId(), run.jobExecutionId(),
                modelName, version, decision, reasons, path == null ? null : path.toString(), Timestamp.from(Instant.now()));
    }

    void recordPath(RunContext run, Path path) {
        jdbc.update("UPDATE deployment SET model_path = ? WHERE job_instance_id = ?", path.toString(), run.jobInstanceId());
    }

    /** The model's live version: the latest deployed one, from another run than {@code jobInstanceId}. */
    Optional<Deployment> champion(String modelName, long jobInstanceId) {
        return jdbc.query("SELECT decision, reasons, version, model_path FROM deployment WHERE model_name = ? "
                        + "AND version IS NOT NULL AND model_path IS NOT NULL AND job_instance_id <> ? "
                        + "ORDER BY version DESC",
                (rs, i) -> new Deployment(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)),
                modelName, jobInstanceId).stream().findFirst();
    }

    public Optional<Deployment> of(long jobInstanceId) {
        List<Deployment> found = jdbc.query("SELECT decision, reasons, version, model_path FROM deployment "
                        + "WHERE job_instance_id = ?",
                (rs, i) -> new Deployment(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)),
                jobInstanceId);
        return found.stream().findFirst();
    }
}
