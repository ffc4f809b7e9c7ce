package io.adlift.pipeline.definition;

import io.adlift.steps.evaluate.GateCriterion;
import io.adlift.steps.features.FeatureSpec;
import io.adlift.steps.ingest.ColumnSpec;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One pipeline definition as written in its YAML file: what it is, then its steps keyed by step name,
 * like MLflow's recipe.yaml. Keys are kebab-case in the file.
 */
public record PipelineDefinition(String name, String description, PipelineKind kind, String target,
        @DefaultValue("rmse") String primaryMetric, Steps steps) {

    public record Steps(Ingest ingest, Clean clean, Kpi kpi, Split split, Train train, Evaluate evaluate,
            Deploy deploy) {
    }

    /** Sources by name, in declaration order. */
    public record Ingest(Map<String, Source> sources) {
    }

    /**
     * @param reader          the ingest reader strategy
     * @param maxRejectRatio  rejected / read above which the ingest step fails
     * @param columns         the schema: the file's header names, their types, required or not
     */
    public record Source(@DefaultValue("csv") String reader, @DefaultValue("0.05") double maxRejectRatio,
            List<ColumnSpec> columns) {
    }

    public record Clean(List<CleanRule> rules) {
    }

    /**
     * One cleaning rule. {@code required}: the columns must have values; {@code range}: the columns'
     * values lie in [min, max]; {@code dedupe}: one row per value of the columns (the first in the file);
     * {@code references}: the columns' values exist as a clean row of another source.
     */
    public record CleanRule(String rule, String source, List<String> columns, Double min, Double max,
            Reference references) {
    }

    /** The parent rows a {@code references} rule looks up: a source declared earlier, and its key columns. */
    public record Reference(String source, List<String> columns) {
    }

    /**
     * The KPI set to compute, and for the {@code ad-performance} set which tables, from which source, and
     * which source column feeds each measure. The other sets read the columns their data model names
     * (see the README's data dictionary).
     *
     * @param valuePerApprovedConversion revenue per approved conversion; revenue, ROAS and ROI stay
     *                                   null until it is set
     */
    public record Kpi(@DefaultValue("ad-performance") String set, String source, List<String> tables,
            KpiColumns columns, Double valuePerApprovedConversion) {
    }

    public record KpiColumns(String campaignId, String impressions, String clicks, String spend, String conversions,
            String approvedConversions, String age, String gender, String interest) {
    }

    public record Split(@DefaultValue("hash") String strategy, String source, List<String> key,
            @DefaultValue("42") long seed, @DefaultValue("0.2") double testFraction) {
    }

    /**
     * @param params XGBoost booster parameters; write them kebab-case ({@code max-depth}), they reach
     *               XGBoost with underscores ({@code max_depth})
     */
    /**
     * @param standardize scale every feature by its training mean and standard deviation (what a linear
     *                    booster needs; trees do not care)
     * @param monotone features the model's prediction may only rise (1) or only fall (−1) with, by
     *                 feature name; what a forecast that moves one input needs
     */
    public record Train(@DefaultValue("xgboost") String strategy, @DefaultValue Dataset dataset,
            List<FeatureSpec> features, Integer kBest, @DefaultValue("false") boolean standardize,
            Map<String, Integer> monotone, @DefaultValue("100") int rounds, @DefaultValue("42") long seed,
            Map<String, String> params, List<Candidate> candidates, Search search) {
    }

    /**
     * A model to try besides the definition's own: a model strategy ({@code trees}, {@code linear},
     * {@code forest}), its XGBoost params, and the ranges to search, each as one of {@code int},
     * {@code float}, {@code log-float} (two bounds) or {@code choice} (the values), e.g.
     * {@code eta: { log-float: [0.01, 0.3] }}.
     *
     * @param standardize null: as the strategy wants (linear models do)
     */
    public record Candidate(String name, String strategy, Boolean standardize, Map<String, String> params,
            Map<String, Map<String, List<String>>> search) {
    }

    /**
     * Hyper-parameter search and model selection in the train step: each candidate's trials are scored
     * by k-fold cross-validation on the training rows with early stopping, the best candidate by the
     * primary metric is refitted on all training rows. Without {@code candidates}, Adlift's standard
     * set (trees, linear, forest, each with its standard ranges) competes with the definition's model.
     *
     * @param trials             trials per candidate
     * @param timeBudgetSeconds  the whole search's time; shared equally among the candidates (0: none)
     * @param repeats            how many times the folds are redrawn per trial; more repeats make the
     *                           ranking of close candidates less a matter of luck
     * @param earlyStopping      rounds without improvement on a fold's held-out rows before it stops
     * @param sampleRows         trials are scored on a seeded sample of at most this many training rows,
     *                           so that the search's cost does not grow with the data; the chosen model
     *                           is then trained on all of them
     */
    public record Search(@DefaultValue("tpe") String sampler, @DefaultValue("20") int trials,
            @DefaultValue("0") int timeBudgetSeconds, @DefaultValue("5") int folds, @DefaultValue("1") int repeats,
            @DefaultValue("30") int earlyStopping, @DefaultValue("42") long seed,
            @DefaultValue("10000") int sampleRows) {
    }

    /**
     * The rows the model learns from, one per row of the split's source: {@code source} reads that
     * source's clean rows with the columns of the sources it joins (many-to-one, by key);
     * {@code campaign-rollup} reads campaigns with their ads and ad events rolled up.
     */
    public record Dataset(@DefaultValue("source") String strategy, List<Join> joins) {
    }

    /** A many-to-one join: each row's {@code key} columns name one clean row of {@code source}. */
    public record Join(String source, List<String> key) {
    }

    /**
     * @param threshold        a classifier's probability from which a row counts as positive
     * @param writePredictions write every row's prediction to {@code model_prediction}
     * @param forecast         a spend forecast from the model (classification)
     * @param champion         the gate's relative part: not worse than the deployed champion on this run's
     *                         test rows by more than a margin
     * @param intervalCoverage a regression model's nominal split-conformal interval coverage
     */
    public record Evaluate(List<GateCriterion> gate, @DefaultValue("0.5") double threshold,
            @DefaultValue("false") boolean writePredictions, Forecast forecast, Champion champion, Cv cv,
            @DefaultValue("0.8") double intervalCoverage) {
    }

    /**
     * Repeated k-fold cross-validation of the definition's model over all labelled rows (both split
     * parts), each fold's features fitted on its training rows only; reported as mean ± std. Over a seeded
     * sample of at most {@code sampleRows} rows: the figure's precision needs no more, and its cost would
     * otherwise grow with the data.
     */
    public record Cv(@DefaultValue("5") int folds, @DefaultValue("1") int repeats, @DefaultValue("42") long seed,
            @DefaultValue("20000") int sampleRows) {
    }

    /** @param margin how much worse than the champion, in the metric's units, a model may be and still deploy */
    public record Champion(String metric, @DefaultValue("0") double margin) {
    }

    /**
     * What the model predicts if the spend column rose by each of {@code increases}: predicted
     * conversions, and revenue at the average of {@code valueColumn} of source {@code valueSource}.
     */
    public record Forecast(String spendColumn, List<Double> increases, String valueSource, String valueColumn) {
    }

    /**
     * @param allowNonValidated deploy even when the gate refused the model (MLflow Recipes'
     *                          allow_non_validated_model)
     */
    public record Deploy(@DefaultValue("local") String strategy, @DefaultValue("false") boolean allowNonValidated,
            String modelName) {
    }
}
