package io.adlift.pipeline.job;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** How a failure is told to a person: one message, no stack trace. */
public final class Failures {

    private Failures() {
    }

    /**
     * The message of the outermost exception that is not one of Spring's wrappers ("Unable to process
     * chunk", "StatementCallback; …"): Adlift's own exceptions say what was being done and carry their
     * cause's message, a driver's says what the database refused. A database that cannot be reached is
     * said so, with the driver's reason, rather than as the connection pool's timeout.
     */
    public static String describe(Throwable failure) {
        Optional<String> unreachable = databaseUnreachable(failure);
        if (unreachable.isPresent()) {
            return "the database is unreachable (" + unreachable.get() + ")";
        }
        Throwable last = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!t.getClass().getName().startsWith("org.springframework.") && t.getMessage() != null) {
                return t.getMessage();
            }
            last = t;
        }
        return last.getMessage() != null ? last.getMessage() : last.getClass().getSimpleName();
    }

    /**
     * Why the database could not be reached, when that is what {@code failure} comes from: a connection
     * refused or lost (SQL state class 08) or none to be had from the pool; the innermost reason.
     */
    public static Optional<String> databaseUnreachable(Throwable failure) {
        boolean connection = false;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            connection |= t instanceof SQLTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
            root = t;
        }
        return connection ? Optional.of(String.valueOf(root.getMessage())) : Optional.empty();
    }
}
