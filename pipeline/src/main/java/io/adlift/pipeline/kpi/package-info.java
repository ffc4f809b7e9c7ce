/**
 * The kpi step: KPI tables aggregated in SQL from a run's clean rows, ratios from the shared formulas,
 * replacing the pipeline's rows for the business date so a rerun never duplicates them.
 */
package io.adlift.pipeline.kpi;
