package io.adlift.steps.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import io.adlift.steps.tune.CrossValidatedScore;
import io.adlift.steps.tune.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * A run's evaluation report: the held-out metrics, the cross-validation table (mean ± std per metric),
 * the tuning trials (each trial's score is its cross-validated primary metric) and the plots. {@link #write} puts {@code report.json}, {@code report.html} and
 * {@code plots/*.png} in a folder; the HTML shows the same figures as the JSON, and the plots embedded
 * (data: URIs), so it renders on its own and inside MLflow's artifact view.
 */
public record EvaluationReport(String title, Map<String, Double> metrics, Map<String, CrossValidatedScore> cv,
        List<Trial> trials, List<Plot> plots) {

    /** One plot: its file name under {@code plots/}, its caption and its PNG. */
    public record Plot(String file, String caption, byte[] png) {
    }

    public EvaluationReport {
        metrics = Map.copyOf(metrics);
        cv = Map.copyOf(cv);
        trials = List.copyOf(trials);
        plots = List.copyOf(plots);
    }

    /** Writes the report into {@code dir}; returns the files written. */
    public List<Path> write(Path dir) {
        try {
            Files.createDirectories(dir.resolve("plots"));
            List<Path> written = new ArrayList<>();
            for (Plot p : plots) {
                written.add(Files.write(dir.resolve("plots").resolve(p.file()), p.png()));
            }
            written.add(Files.writeString(dir.resolve("report.json"), json(), StandardCharsets.UTF_8));
            written.add(Files.writeString(dir.resolve("report.html"), html(), StandardCharsets.UTF_8));
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report into " + dir, e);
        }
    }

    /** The figures as JSON: metrics, cv (mean, std and each fold per metric), trials, plot files. */
    String json() throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", title);
        root.put("metrics", finite(metrics));
        Map<String, Object> cvTable = new LinkedHashMap<>();
        cv.keySet().stream().sorted().forEach(metric -> {
            CrossValidatedScore s = cv.get(metric);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("mean", finite(s.mean()));
            row.put("std", finite(s.std()));
            row.put("folds", s.folds());
            cvTable.put(metric, row);
        });
        root.put("cv", cvTable);
        List<Map<String, Object>> trialRows = new ArrayList<>();
        for (Trial t : trials) {
            trialRows.add(Map.of("number", t.number(), "params", t.params(), "score", finite(t.loss()) == null ? "NaN"
                    : t.loss()));
        }
        root.put("trials", trialRows);
        root.put("plots", plots.stream().map(p -> Map.of("file", "plots/" + p.file(), "caption", p.caption())).toList());
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(root);
    }

    String html() {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
                        + "text-align:right}th{background:#f4f4f4}figure{display:inline-block;margin:1em}</style></head>"
                        + "<body>\n<h1>").append(escape(title)).append("</h1>\n<h2>Held-out metrics</h2>\n<table>"
                        + "<tr><th>metric</th><th>value</th></tr>");
        metrics.keySet().stream().sorted().forEach(k -> h.append("<tr><td>").append(escape(k)).append("</td><td>")
                .append(number(metrics.get(k))).append("</td></tr>"));
        h.append("</table>\n");
        if (!cv.isEmpty()) {
            h.append("<h2>Cross-validation</h2>\n<table><tr><th>metric</th><th>mean</th><th>std</th><th>folds</th></tr>");
            cv.keySet().stream().sorted().forEach(k -> h.append("<tr><td>").append(escape(k)).append("</td><td>")
                    .append(number(cv.get(k).mean())).append("</td><td>").append(number(cv.get(k).std()))
                    .append("</td><td>").append(cv.get(k).folds().length).append("</td></tr>"));
            h.append("</table>\n");
        }
        if (!trials.isEmpty()) {
            h.append("<h2>Tuning trials</h2>\n<table><tr><th>trial</th><th>parameters</th><th>cross-validated score</th></tr>");
            for (Trial t : trials) {
                h.append("<tr><td>").append(t.number()).append("</td><td style=\"text-align:left\">")
                        .append(escape(new java.util.TreeMap<>(t.params()).toString())).append("</td><td>")
                        .append(number(t.loss())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Plots</h2>\n");
        for (Plot p : plots) {
            // Embedded, not linked: MLflow shows report.html in a sandboxed frame where a relative link to
            // plots/ does not resolve, and a report mailed or copied alone keeps its plots too.
            h.append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(p.png()))
                    .append("\" title=\"plots/").append(escape(p.file())).append("\" alt=\"").append(escape(p.caption()))
                    .append("\" width=\"640\"><figcaption>").append(escape(p.caption())).append("</figcaption></figure>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static Map<String, Object> finite(Map<String, Double> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.keySet().stream().sorted().forEach(k -> out.put(k, finite(values.get(k))));
        return out;
    }

    /** JSON has no NaN: an undefined figure is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "—";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
