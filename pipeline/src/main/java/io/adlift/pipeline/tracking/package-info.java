/**
 * Where a run's parameters, metrics, datasets, artifacts and registered models go. A
 * {@link io.adlift.pipeline.tracking.RunTracker} is chosen by configuration: {@code mlflow} when an
 * MLflow tracking URI is set ({@code MLFLOW_TRACKING_URI} or {@code mlflow.tracking-uri}), else
 * {@code local}, which keeps today's behaviour (the database and the models folder) and writes the run's
 * artifacts under the data folder. {@link io.adlift.pipeline.tracking.RunTracking} opens one tracked run
 * per job instance as the job starts, keeps its id in the job's execution context so that a restart
 * continues it, and ends it with the job's status. MLflow is spoken to over its REST API by
 * {@link io.adlift.pipeline.tracking.MlflowClient} (runs), {@link io.adlift.pipeline.tracking.MlflowModels} (logged
 * and registered models) and {@link io.adlift.pipeline.tracking.MlflowArtifacts}, over one
 * {@link io.adlift.pipeline.tracking.MlflowConnection}; artifacts go over HTTP to the server's artifact
 * proxy, so no Python is needed where Adlift runs.
 */
package io.adlift.pipeline.tracking;
