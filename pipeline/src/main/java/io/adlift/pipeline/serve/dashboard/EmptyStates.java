package io.adlift.pipeline.serve.dashboard;

import io.adlift.pipeline.definition.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dashboard without data says instead of "no data": which of the reasons it is (the pipeline never
 * wrote KPI rows, the filter matches none, the data has no revenue or the definition does not compute it)
 * and what to do about each.
 *
 * @param filteredRows KPI rows the filter matches
 * @param allRows      KPI rows of the pipeline, whatever the filter
 * @param revenue      whether the filtered rows have revenue
 */
record EmptyStates(Pipeline pipeline, long filteredRows, long allRows, boolean revenue) {

    /** What is missing from the whole view, one sentence each; empty when nothing is. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        String name = pipeline.name();
        if (allRows == 0) {
            notes.add("No KPI rows for pipeline '" + name + "' yet: it has not run (or its kpi step has not finished). "
                    + "Run it: adlift run " + name + " --input <file or folder> (or upload its files below).");
            return notes;
        }
        if (filteredRows == 0) {
            notes.add("No KPI rows match this filter (the pipeline has " + allRows + "): widen the dates or clear the "
                    + "campaign or segment.");
            return notes;
        }
        if (!revenue) {
            notes.add(noRevenue());
        }
        return notes;
    }

    /** Why the alerts list is empty, or null when it is not. */
    String noAlerts(long alertsTotal) {
        if (alertsTotal > 0) {
            return null;
        }
        if (allRows == 0 || filteredRows == 0) {
            return "No alerts: there are no KPI rows to judge" + (allRows == 0 ? " (the pipeline has not run)." : " in this filter.");
        }
        if (!revenue) {
            return "No alerts can be raised: " + noRevenue();
        }
        return "None: every campaign's revenue covers its spend (ROAS of at least 1).";
    }

    /** The charts, each without points given the sentence that says why. */
    Map<String, Dashboard.Chart> explain(Map<String, Dashboard.Chart> charts) {
        Map<String, Dashboard.Chart> explained = new LinkedHashMap<>();
        charts.forEach((key, c) -> explained.put(key, !c.points().isEmpty() ? c : new Dashboard.Chart(c.title(), c.series(),
                c.units(), c.points(), why(c), c.note(), c.mark())));
        return explained;
    }

    private String why(Dashboard.Chart chart) {
        if (allRows == 0) {
            return "Nothing yet: pipeline '" + pipeline.name() + "' has not run (adlift run " + pipeline.name()
                    + " --input …).";
        }
        if (filteredRows == 0) {
            return "No KPI rows match this filter.";
        }
        if (!revenue && chart.units().contains("currency") && chart.series().stream().anyMatch(s -> s.contains("revenue"))
                || !revenue && chart.units().contains("percent") && chart.series().contains("ROI")) {
            return noRevenue();
        }
        return "This filter's rows have no values for this chart.";
    }

    private String noRevenue() {
        if ("ad-performance".equals(pipeline.steps().kpi().set())) {
            return "This data has no revenue, so no ROAS, ROI or poor-ROI alerts: the file counts approved conversions "
                    + "(purchases), not their value. Set steps.kpi.value-per-approved-conversion in " + definitionFile()
                    + " to what one approved conversion is worth to get them.";
        }
        return "This data model has no revenue (it counts purchases only), so no ROAS, ROI or poor-ROI alerts.";
    }

    private String definitionFile() {
        return pipeline.file() == null ? "the pipeline's definition" : "config/pipelines/" + pipeline.file().getFileName();
    }
}
