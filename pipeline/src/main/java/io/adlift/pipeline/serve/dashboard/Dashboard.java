package io.adlift.pipeline.serve.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard page draws for one filter.
 *
 * @param options     the values each filter can take (pipelines, campaigns, segments, business dates)
 * @param currency    the reporting currency of every money figure (ISO 4217, {@code adlift.serve.currency})
 * @param cards       spend, revenue, ROAS, CAC and CPA over the filtered rows; null where the data has no such measure
 * @param cardNotes   by card, what it divides (and why a card is left out where it would repeat another)
 * @param causal      the causal figures of an experiment (influencer exposed vs control), or null where the data
 *                    has none; they come first because tracked ROAS is not causal
 * @param charts      by chart name, its series
 * @param alerts      campaigns or influencers whose revenue does not cover their spend (ROAS below 1), worst
 *                    first, at most {@value DashboardQueries#ALERTS} of them
 * @param alertsTotal how many there are in all, of which {@code alerts} shows the first
 * @param notes       what is missing from this view and how to get it (an empty state that says why)
 * @param noAlerts    why {@code alerts} is empty (no rows, no revenue, or none below 1); null when it is not
 * @param uploads     whether this server takes uploads ({@code adlift.serve.upload.enabled}): else no upload form
 * @param runs        the pipeline's latest runs
 */
public record Dashboard(DashboardFilter filter, Map<String, List<String>> options, String currency, Map<String, Double> cards,
        Map<String, String> cardNotes, Causal causal, Map<String, Chart> charts, List<Alert> alerts, long alertsTotal,
        List<String> notes, String noAlerts, boolean uploads,
        List<RunHistory.Run> runs) {

    /**
     * One chart: a title, its series and their units ({@code currency}, {@code percent}: a ratio shown ×100,
     * {@code ratio}, {@code count}), its points. A heatmap's points carry x, y labels and a value; the others x
     * (a label or a number) and one value per series.
     *
     * @param empty what to say where there are no points: what is missing and how to get it
     * @param note  what the chart means that its lines do not show (a payback: the day, or that it never came)
     * @param mark  an x to mark on the chart (the payback day), or null
     */
    public record Chart(String title, List<String> series, List<String> units, List<Point> points, String empty,
            String note, Object mark) {
    }

    public record Point(Object x, Object y, List<Double> values) {
    }

    public record Alert(String subject, Double spend, Double revenue, Double roas) {
    }

    /**
     * {@code kpi_influencer_summary} of the latest business date in the filter: the lift of the exposed group's
     * conversion rate over the control group's with its 95 % interval, the revenue that lift is worth and its
     * return on the payout (iROAS).
     */
    public record Causal(String businessDate, Double lift, Double liftCiLow, Double liftCiHigh, Double incrementalRevenue,
            Double iroas, Double trackedRoas, long exposedUsers, long controlUsers) {
    }
}
