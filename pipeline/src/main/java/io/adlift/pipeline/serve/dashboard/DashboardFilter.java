package io.adlift.pipeline.serve.dashboard;

import java.time.LocalDate;

/**
 * What the dashboard shows: one pipeline's KPI rows whose business date lies in [from, to] (either end
 * open when null), of one campaign and one segment (platform, category or creative format, whichever the
 * pipeline's KPI set has) when given.
 */
public record DashboardFilter(String pipeline, LocalDate from, LocalDate to, String campaign, String segment) {
}
