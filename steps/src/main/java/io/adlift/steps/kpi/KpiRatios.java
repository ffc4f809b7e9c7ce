package io.adlift.steps.kpi;

/**
 * The ratios of one KPI grain. Any ratio whose denominator is zero (or whose inputs are unknown) is
 * {@code null}: undefined, neither 0 nor infinity, as BI users expect from SQL's NULLIF convention.
 *
 * @param ctr                   clicks / impressions
 * @param cpc                   spend / clicks
 * @param cpm                   spend / impressions × 1000
 * @param cvr                   conversions / clicks
 * @param cpa                   spend / conversions
 * @param costPerApproved       spend / approved conversions
 * @param roas                  revenue / spend
 * @param roi                   (revenue − spend) / spend, a ratio, not a currency amount
 */
public record KpiRatios(Double ctr, Double cpc, Double cpm, Double cvr, Double cpa, Double costPerApproved,
        Double roas, Double roi) {

    public static KpiRatios of(KpiTotals t) {
        Double revenue = t.revenue();
        return new KpiRatios(
                ratio(t.clicks(), t.impressions()),
                ratio(t.spend(), t.clicks()),
                scaled(ratio(t.spend(), t.impressions()), 1000),
                ratio(t.conversions(), t.clicks()),
                ratio(t.spend(), t.conversions()),
                ratio(t.spend(), t.approvedConversions()),
                revenue == null ? null : ratio(revenue, t.spend()),
                revenue == null ? null : ratio(revenue - t.spend(), t.spend()));
    }

    /** {@code numerator / denominator}, or {@code null} when the denominator is zero. */
    public static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    private static Double scaled(Double value, double factor) {
        return value == null ? null : value * factor;
    }
}
