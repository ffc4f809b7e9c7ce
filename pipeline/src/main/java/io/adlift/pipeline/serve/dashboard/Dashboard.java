package io.adlift.pipeline.serve.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard page draws for one filter.
 *
 * @param options the values each filter can take (pipelines, campaigns, segments, business dates)
 * @param cards   spend, revenue, ROAS, CAC and CPA over the filtered rows; null where the data has no such measure
 * @param charts  by chart name, its series
 * @param alerts  campaigns or influencers whose revenue does not cover their spend (ROAS below 1)
 * @param runs    the pipeline's latest runs
 */
public record Dashboard(DashboardFilter filter, Map<String, List<String>> options, Map<String, Double> cards,
        Map<String, Chart> charts, List<Alert> alerts, List<RunHistory.Run> runs) {

    /**
     * One chart: a title, its axis names and points. A heatmap's points carry x, y labels and a value; the
     * others x (a label or a number) and one value per series.
     */
    public record Chart(String title, List<String> series, List<Point> points) {
    }

    public record Point(Object x, Object y, List<Double> values) {
    }

    public record Alert(String subject, Double spend, Double revenue, Double roas) {
    }
}
