package io.adlift.pipeline.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link RunReport.Report} for people: the run summary of {@code run} and {@code status}. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(RunReport.Report r, PrintWriter out) {
        out.printf(Locale.ROOT, "Run %d of %s for %s: %s%n", r.executionId(), r.pipeline(), r.businessDate(),
                r.outcome().text());
        if (r.restartOf() != null) {
            out.printf(Locale.ROOT, "  Restart of run %d (attempt %d; runs of this instance: %s)%n", r.restartOf(),
                    r.attempt(), r.lineage());
        }
        if (r.status().equals("STOPPED")) {
            out.printf(Locale.ROOT, "  Stopped at a commit on request; resume it with 'adlift restart %d'%n", r.executionId());
        } else if (r.exitDescription() != null && !r.status().equals("COMPLETED")) {
            out.println("  Reason: " + r.exitDescription());
            if (r.status().equals("FAILED")) {
                out.printf(Locale.ROOT, "  Fix the cause, then relaunch the same command or 'adlift restart %d'%n",
                        r.executionId());
            }
        }
        out.println("  Steps:");
        for (RunReport.StepLine s : r.steps()) {
            out.printf(Locale.ROOT, "    %-9s %-10s read %8d  written %8d  rejected %6d  %7.2f s%n", s.name(), s.status(),
                    s.read(), s.written(), s.skipped() + s.filtered(), s.seconds());
        }
        Map<String, Object> c = r.counts();
        c.keySet().stream().filter(k -> k.startsWith("ingest.") && k.endsWith(".staged")).sorted().forEach(k -> {
            String source = k.substring("ingest.".length(), k.length() - ".staged".length());
            out.printf(Locale.ROOT, "  Source %s: %s rows read, %s staged, %s rejected at ingest, %s rejected by cleaning, "
                            + "%s clean%n", source, c.get("ingest." + source + ".read"), c.get(k),
                    c.getOrDefault("ingest." + source + ".rejected", "?"),
                    c.getOrDefault("clean." + source + ".rejected", "-"), c.getOrDefault("clean." + source + ".kept", "-"));
        });
        c.keySet().stream().filter(k -> k.startsWith("kpi.")).sorted().forEach(k -> out.printf(Locale.ROOT, "  KPI table %s: %s rows%n",
                k.substring(4, k.length() - ".rows".length()), c.get(k)));
        if (c.get("train.candidate") != null) {
            c.keySet().stream().filter(k -> k.startsWith("train.search-")).findFirst().ifPresent(k -> out.printf(Locale.ROOT,
                    "  Model choice: %s, the best of %s trials (cross-validated %s %.4f on the training rows)%n",
                    c.get("train.candidate"), c.get("train.trials"), k.substring("train.search-".length()),
                    ((Number) c.get(k)).doubleValue()));
        }
        Map<String, Double> m = r.metrics();
        if (m.containsKey("cv.folds")) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  Cross-validation over %d folds:",
                    m.get("cv.folds").intValue()));
            m.keySet().stream().filter(k -> k.startsWith("cv.") && k.endsWith("_mean")).sorted().forEach(k -> {
                String metric = k.substring(3, k.length() - "_mean".length());
                line.append(String.format(Locale.ROOT, " %s %.4f ± %.4f,", metric, m.get(k),
                        m.getOrDefault("cv." + metric + "_std", Double.NaN)));
            });
            line.setLength(line.length() - 1);
            out.println(line);
        }
        if (!r.metrics().isEmpty()) {
            StringBuilder line = new StringBuilder("  Model metrics:");
            // the cross-validation has its own line above
            r.metrics().forEach((k, v) -> {
                if (!k.startsWith("cv.")) {
                    line.append(String.format(Locale.ROOT, " %s=%.4f", k, v));
                }
            });
            out.println(line);
        }
        Map<String, Object> d = r.deployment();
        if (!d.isEmpty()) {
            out.println("  Gate: " + d.get("decision") + " (" + d.get("reasons") + ")");
            if (d.get("path") != null) {
                out.println("  Model: version " + d.get("version") + " at " + d.get("path"));
            }
        }
        Map<String, Object> t = r.tracking();
        if (t.get("run") != null) {
            out.println("  MLflow: run " + t.get("run") + " (" + t.get("location") + ")");
        }
        if (t.get("model") != null) {
            out.println("  Registry: " + t.get("model") + " version " + t.get("version") + " (alias " + t.get("alias") + ")");
        }
        out.flush();
    }
}
