/**
 * KPI formulas: ratios derived from aggregated totals. Aggregation itself is set-based SQL in the
 * pipeline module; the formulas live here once, so every KPI table computes them alike.
 */
package io.adlift.steps.kpi;
