package io.adlift.pipeline.tracking;

/**
 * Where runs are tracked: {@code mlflow} (a tracking server) or {@code local} (the database and the
 * data folder). Chosen by configuration, not by the pipeline definition: an MLflow tracking URI switches
 * every pipeline to MLflow.
 */
public interface RunTracker {

    String name();

    /**
     * Starts tracking {@code run}: creates its run, or, when {@code existingId} names the run an earlier
     * execution of the same job instance created, continues that one.
     */
    TrackedRun open(RunIdentity run, String existingId);
}
