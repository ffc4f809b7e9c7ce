package io.adlift.pipeline.cli;

/** The exit codes of {@code adlift}, documented in the README; never renumber them. */
public enum ExitCode {
    /** The run completed (and deployed, when it has a model), or had already completed. */
    COMPLETED(0),
    /** Something unexpected; the message says what. */
    ERROR(1),
    /** Bad usage or configuration: an unknown pipeline, a bad definition, a missing input. */
    USAGE(2),
    /** The run failed; relaunch the same command (or {@code adlift restart}) to resume it. */
    FAILED(3),
    /** The run was stopped; it can be restarted. */
    STOPPED(4),
    /** The run completed, but the gate refused the model, which was not deployed. */
    NOT_DEPLOYED(5),
    /** The same pipeline, date and input is already running. */
    ALREADY_RUNNING(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
