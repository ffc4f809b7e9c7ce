package io.adlift.pipeline.job;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * Makes "is this run already running? if not, create its execution" one step across processes.
 * Spring Batch checks for a running execution of the job instance and then creates the new one in
 * separate transactions, so two launches at the same moment could both pass the check and both run.
 * A launch holds a row lock in the job repository's database (PostgreSQL or H2 alike) from before that
 * check until its execution is recorded as started ({@link #beforeJob}, the job's first listener); a
 * second launch waits for it, then finds the execution running and is refused.
 */
@Component
public class LaunchLock implements JobExecutionListener {

    /** How long a launch waits for another one to record its execution; that takes milliseconds. */
    private static final int WAIT_SECONDS = 120;

    private final DataSource dataSource;
    /** The lock of the launch running on this thread; the job's listeners run on the launching thread. */
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    LaunchLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code launch} (which checks and starts a job execution) holding the lock until the execution has started. */
    public <T> T around(Callable<T> launch) throws Exception {
        held.set(acquire());
        try {
            return launch.call();
        } finally {
            release();
        }
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        release();
    }

    private Held acquire() throws SQLException {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("cannot reach the job repository's database", e);
        }
        try {
            connection.setAutoCommit(false);
            boolean h2 = connection.getMetaData().getDatabaseProductName().startsWith("H2");
            String previousH2Timeout = null;
            try (Statement statement = connection.createStatement()) {
                if (h2) {
                    // H2 gives up on a locked row after one second by default, and its setting is the session's.
                    previousH2Timeout = h2LockTimeout(statement);
                    statement.execute("SET LOCK_TIMEOUT " + WAIT_SECONDS * 1000);
                } else {
                    statement.execute("SET LOCAL lock_timeout = '" + WAIT_SECONDS + "s'");
                }
                statement.executeQuery("SELECT name FROM launch_lock WHERE name = 'launch' FOR UPDATE").close();
            }
            return new Held(connection, previousH2Timeout);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static String h2LockTimeout(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'LOCK_TIMEOUT'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void release() {
        Held lock = held.get();
        if (lock == null) {
            return;
        }
        held.remove();
        lock.release();
    }

    private record Held(Connection connection, String previousH2Timeout) {

        void release() {
            try (connection) {
                connection.commit();
                if (previousH2Timeout != null) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET LOCK_TIMEOUT " + Integer.parseInt(previousH2Timeout.trim()));
                    }
                }
                connection.setAutoCommit(true);
            } catch (SQLException | NumberFormatException e) {
                // Closing the connection ends its transaction, and with it the lock, whatever failed here.
            }
        }
    }
}
