/**
 * The KPI dashboard at {@code /}: one JSON document per filter ({@code GET /api/v1/dashboard}) read from the
 * KPI tables the runs wrote, and the run history with links to MLflow's run pages.
 */
package io.adlift.pipeline.serve.dashboard;
