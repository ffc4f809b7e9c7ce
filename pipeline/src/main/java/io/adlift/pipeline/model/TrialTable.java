package io.adlift.pipeline.model;

import io.adlift.pipeline.run.RunContext;
import io.adlift.steps.tune.CrossValidatedScore;
import io.adlift.steps.tune.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@code model_trial}: every trial of each run's search, the chosen one marked. */
final class TrialTable {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    TrialTable(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Replaces the job instance's trials: a restarted train step searches again and records that search. */
    void replace(RunContext run, String metric, List<TrialRecord> trials, int chosen, String mlflowRunId) {
        jdbc.update("DELETE FROM model_trial WHERE job_instance_id = ?", run.jobInstanceId());
        for (TrialRecord t : trials) {
            CrossValidatedScore score = t.scores().get(metric);
            jdbc.update("INSERT INTO model_trial (pipeline, job_instance_id, trial, candidate, params, metric, cv_mean, "
                    + "cv_std, fold_scores, rounds, seconds, chosen, error, job_execution_id, mlflow_run_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    run.pipeline().name(), run.jobInstanceId(), t.number(), t.candidate(),
                    json.writeValueAsString(t.params()), metric, finite(t.mean(metric)),
                    score == null ? null : finite(score.std()),
                    score == null ? null : json.writeValueAsString(score.folds()), t.rounds(), t.seconds(),
                    t.number() == chosen, t.error() == null ? null : shorten(t.error()), run.jobExecutionId(),
                    mlflowRunId);
        }
    }

    /**
     * The trials of a job instance for its report: the candidate, rounds and seconds among the params,
     * the loss the primary metric's cross-validated mean.
     */
    List<Trial> of(long jobInstanceId) {
        List<Trial> trials = new ArrayList<>();
        jdbc.query("SELECT trial, candidate, params, rounds, cv_mean, seconds FROM model_trial WHERE job_instance_id = ? "
                + "ORDER BY trial", rs -> {
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("candidate", rs.getString(2));
                    json.readValue(rs.getString(3), new tools.jackson.core.type.TypeReference<Map<String, String>>() { })
                            .forEach(params::put);
                    params.put("rounds", Integer.toString(rs.getInt(4)));
                    params.put("seconds", String.format(java.util.Locale.ROOT, "%.2f", rs.getDouble(6)));
                    double mean = rs.getDouble(5);
                    trials.add(new Trial(rs.getInt(1), params, rs.wasNull() ? Double.NaN : mean));
                }, jobInstanceId);
        return trials;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String shorten(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
