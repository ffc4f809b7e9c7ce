package io.adlift.pipeline.model;

/**
 * The exit codes the {@code deploy} step ends with besides Spring Batch's own, for the job's flow to route
 * on. They are the step's words, so they live beside it, not in the job that reads them.
 */
public final class DeployExit {

    /** The exit code of a {@code deploy} step whose model the gate refused. */
    public static final String NOT_DEPLOYED = "NOT_DEPLOYED";

    private DeployExit() {
    }
}
