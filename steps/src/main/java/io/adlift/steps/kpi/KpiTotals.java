package io.adlift.steps.kpi;

/**
 * Summed measures of one KPI grain (a campaign, a segment, …). {@code revenue} is {@code null} when
 * the pipeline configures no value per approved conversion.
 */
public record KpiTotals(long impressions, long clicks, double spend, long conversions, long approvedConversions,
        Double revenue) {
}
