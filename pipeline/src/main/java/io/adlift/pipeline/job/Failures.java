package io.adlift.pipeline.job;

/** How a failure is told to a person: one message, no stack trace. */
public final class Failures {

    private Failures() {
    }

    /**
     * The message of the outermost exception that is not one of Spring's wrappers ("Unable to process
     * chunk", "StatementCallback; …"): Adlift's own exceptions say what was being done and carry their
     * cause's message, a driver's says what the database refused.
     */
    public static String describe(Throwable failure) {
        Throwable last = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!t.getClass().getName().startsWith("org.springframework.") && t.getMessage() != null) {
                return t.getMessage();
            }
            last = t;
        }
        return last.getMessage() != null ? last.getMessage() : last.getClass().getSimpleName();
    }
}
