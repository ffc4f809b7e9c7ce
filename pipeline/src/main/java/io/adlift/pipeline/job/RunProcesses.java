package io.adlift.pipeline.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records which process (host and pid) runs each job execution, as the job starts. A run killed hard
 * stays STARTED in the job repository; its recorded process tells whether it is really still running.
 */
@Component
public class RunProcesses implements JobExecutionListener {

    /** The process a run was started by, and whether it can be seen alive from here. */
    public record RunProcess(String host, long pid, boolean sameHost, boolean alive) {

        /** Known dead: on this host and no such process. On another host nothing can be known. */
        public boolean gone() {
            return sameHost && !alive;
        }

        @Override
        public String toString() {
            return "pid " + pid + " on " + host;
        }
    }

    private final JdbcTemplate jdbc;

    RunProcesses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        jdbc.update("INSERT INTO run_process (job_execution_id, host, pid, started_at) VALUES (?, ?, ?, ?)",
                jobExecution.getId(), host(), ProcessHandle.current().pid(), Timestamp.from(Instant.now()));
    }

    public Optional<RunProcess> of(long jobExecutionId) {
        List<RunProcess> found = jdbc.query("SELECT host, pid FROM run_process WHERE job_execution_id = ?", (rs, i) -> {
            String host = rs.getString(1);
            long pid = rs.getLong(2);
            boolean sameHost = host.equals(host());
            boolean alive = sameHost && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return new RunProcess(host, pid, sameHost, alive);
        }, jobExecutionId);
        return found.stream().findFirst();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
