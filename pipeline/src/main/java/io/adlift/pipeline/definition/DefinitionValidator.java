package io.adlift.pipeline.definition;

import io.adlift.steps.features.FeatureSpec;
import io.adlift.steps.ingest.ColumnSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what binding cannot: strategy names exist, every referenced column is declared, numbers are
 * in range. Collects every problem, each as {@code key: what is wrong; what is allowed}.
 */
final class DefinitionValidator {

    /** XGBoost booster parameters Adlift passes through (the seed is set by {@code train.seed}). */
    static final Set<String> XGBOOST_PARAMS = Set.of("objective", "eta", "learning_rate", "max_depth",
            "min_child_weight", "subsample", "colsample_bytree", "colsample_bylevel", "colsample_bynode", "lambda",
            "reg_lambda", "alpha", "reg_alpha", "gamma", "min_split_loss", "booster", "tree_method", "max_bin",
            "eval_metric", "nthread", "num_parallel_tree", "grow_policy", "max_leaves", "scale_pos_weight",
            "base_score", "tweedie_variance_power", "max_delta_step", "updater", "feature_selector", "top_k",
            "verbosity", "sampling_method", "monotone_constraints", "interaction_constraints", "huber_slope",
            "quantile_alpha");

    static final Set<String> REGRESSION_METRICS = Set.of("rmse", "mae", "r2", "mape");

    static final Set<String> CLASSIFICATION_METRICS = Set.of("roc_auc", "pr_auc", "log_loss", "f1", "precision",
            "recall", "accuracy");

    /** The KPI set whose tables, source and columns a definition chooses itself. */
    static final String AD_PERFORMANCE = "ad-performance";

    static final Set<String> KPI_TABLES = Set.of("campaign", "segment");

    private final StrategyNames names;

    DefinitionValidator(StrategyNames names) {
        this.names = names;
    }

    List<String> problems(PipelineDefinition d, String expectedName) {
        List<String> problems = new ArrayList<>();
        if (d.name() == null || !d.name().equals(expectedName)) {
            problems.add("name: '" + d.name() + "' must equal the file's name '" + expectedName + "'");
        }
        if (d.kind() == null) {
            problems.add("kind: missing; allowed: [classification, kpi-only, regression]");
        }
        PipelineDefinition.Steps steps = d.steps();
        if (steps == null || steps.ingest() == null || steps.ingest().sources() == null
                || steps.ingest().sources().isEmpty()) {
            problems.add("steps.ingest.sources: at least one source is required");
            return problems;
        }
        Map<String, PipelineDefinition.Source> sources = steps.ingest().sources();
        sources.forEach((name, source) -> checkSource("steps.ingest.sources." + name, source, problems));
        if (steps.clean() != null && steps.clean().rules() != null) {
            List<PipelineDefinition.CleanRule> rules = steps.clean().rules();
            for (int i = 0; i < rules.size(); i++) {
                checkRule("steps.clean.rules[" + i + "]", rules.get(i), sources, problems);
            }
        }
        if (steps.kpi() != null) {
            checkKpi(steps.kpi(), sources, problems);
        }
        if (d.kind() == PipelineKind.REGRESSION || d.kind() == PipelineKind.CLASSIFICATION) {
            checkModel(d, sources, problems);
        }
        return problems;
    }

    private void checkSource(String key, PipelineDefinition.Source source, List<String> problems) {
        oneOf(key + ".reader", source.reader(), names.readers(), problems);
        if (source.columns() == null || source.columns().isEmpty()) {
            problems.add(key + ".columns: at least one column is required");
        }
        if (source.columns() != null) {
            java.util.Map<String, String> bySqlName = new java.util.HashMap<>();
            for (ColumnSpec c : source.columns()) {
                String other = bySqlName.putIfAbsent(c.sqlName(), c.name());
                if (other != null) {
                    problems.add(key + ".columns: '" + other + "' and '" + c.name() + "' are the same column in the "
                            + "database ('" + c.sqlName() + "'); rename one");
                }
            }
        }
        if (source.maxRejectRatio() < 0 || source.maxRejectRatio() > 1) {
            problems.add(key + ".max-reject-ratio: " + source.maxRejectRatio() + " must be between 0 and 1");
        }
    }

    private void checkRule(String key, PipelineDefinition.CleanRule rule, Map<String, PipelineDefinition.Source> sources,
            List<String> problems) {
        oneOf(key + ".rule", rule.rule(), names.cleaningRules(), problems);
        PipelineDefinition.Source source = source(key + ".source", rule.source(), sources, problems);
        if (rule.columns() == null || rule.columns().isEmpty()) {
            problems.add(key + ".columns: at least one column is required");
        } else if (source != null) {
            columns(key + ".columns", rule.columns(), source, problems);
        }
        if ("references".equals(rule.rule())) {
            checkReference(key, rule, sources, problems);
        }
        if ("range".equals(rule.rule()) && rule.min() == null && rule.max() == null) {
            problems.add(key + ": a range rule needs min, max or both");
        }
        if ("range".equals(rule.rule()) && source != null && rule.columns() != null && source.columns() != null) {
            source.columns().stream()
                    .filter(c -> rule.columns().contains(c.name()))
                    .filter(c -> c.type() != io.adlift.steps.ingest.ColumnType.INTEGER
                            && c.type() != io.adlift.steps.ingest.ColumnType.DECIMAL)
                    .forEach(c -> problems.add(key + ".columns: a range rule needs numbers, but '" + c.name() + "' is "
                            + c.type().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /** The parent must be cleaned first, so it is a source declared before the rule's own. */
    private static void checkReference(String key, PipelineDefinition.CleanRule rule,
            Map<String, PipelineDefinition.Source> sources, List<String> problems) {
        PipelineDefinition.Reference ref = rule.references();
        if (ref == null || ref.source() == null || ref.columns() == null || ref.columns().isEmpty()) {
            problems.add(key + ".references: a references rule needs references.source and references.columns");
            return;
        }
        PipelineDefinition.Source parent = source(key + ".references.source", ref.source(), sources, problems);
        if (parent == null) {
            return;
        }
        columns(key + ".references.columns", ref.columns(), parent, problems);
        if (rule.columns() != null && rule.columns().size() != ref.columns().size()) {
            problems.add(key + ".references.columns: " + ref.columns().size() + " column(s) for the rule's "
                    + rule.columns().size() + "; name one parent column per column");
        }
        List<String> order = List.copyOf(sources.keySet());
        if (rule.source() != null && order.indexOf(ref.source()) >= order.indexOf(rule.source())) {
            problems.add(key + ".references.source: '" + ref.source() + "' must be declared before '" + rule.source()
                    + "' in steps.ingest.sources, since sources are cleaned in that order");
        }
    }

    private void checkKpi(PipelineDefinition.Kpi kpi, Map<String, PipelineDefinition.Source> sources, List<String> problems) {
        oneOf("steps.kpi.set", kpi.set(), names.kpiSets().keySet(), problems);
        if (!AD_PERFORMANCE.equals(kpi.set())) {
            if (names.kpiSets().containsKey(kpi.set())) {
                reads("steps.kpi.set: '" + kpi.set() + "'", names.kpiSets().get(kpi.set()), sources, problems);
            }
            return;
        }
        PipelineDefinition.Source source = source("steps.kpi.source", kpi.source(), sources, problems);
        if (kpi.tables() == null || kpi.tables().isEmpty()) {
            problems.add("steps.kpi.tables: at least one table is required; allowed: " + sorted(KPI_TABLES));
        } else {
            for (int i = 0; i < kpi.tables().size(); i++) {
                oneOf("steps.kpi.tables[" + i + "]", kpi.tables().get(i), KPI_TABLES, problems);
            }
        }
        PipelineDefinition.KpiColumns c = kpi.columns();
        if (c == null) {
            problems.add("steps.kpi.columns: missing; map campaign-id, impressions, clicks, spend, conversions, "
                    + "approved-conversions (and age, gender, interest for the segment table) to source columns");
            return;
        }
        if (source == null) {
            return;
        }
        Map<String, String> mapped = new java.util.LinkedHashMap<>();
        mapped.put("campaign-id", c.campaignId());
        mapped.put("impressions", c.impressions());
        mapped.put("clicks", c.clicks());
        mapped.put("spend", c.spend());
        mapped.put("conversions", c.conversions());
        mapped.put("approved-conversions", c.approvedConversions());
        if (kpi.tables() != null && kpi.tables().contains("segment")) {
            mapped.put("age", c.age());
            mapped.put("gender", c.gender());
            mapped.put("interest", c.interest());
        }
        mapped.forEach((measure, column) -> {
            if (column == null) {
                problems.add("steps.kpi.columns." + measure + ": missing; name a column of source '" + kpi.source() + "'");
            } else {
                columns("steps.kpi.columns." + measure, List.of(column), source, problems);
            }
        });
    }

    private void checkModel(PipelineDefinition d, Map<String, PipelineDefinition.Source> sources, List<String> problems) {
        PipelineDefinition.Steps steps = d.steps();
        if (steps.split() == null || steps.train() == null || steps.evaluate() == null || steps.deploy() == null) {
            problems.add("steps: a " + d.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " pipeline needs split, train, evaluate and deploy");
            return;
        }
        PipelineDefinition.Split split = steps.split();
        oneOf("steps.split.strategy", split.strategy(), names.splits(), problems);
        PipelineDefinition.Source source = source("steps.split.source", split.source(), sources, problems);
        if (split.testFraction() <= 0 || split.testFraction() >= 1) {
            problems.add("steps.split.test-fraction: " + split.testFraction() + " must be between 0 and 1 (exclusive)");
        }
        if (split.key() == null || split.key().isEmpty()) {
            problems.add("steps.split.key: at least one column is required");
        } else if (source != null) {
            columns("steps.split.key", split.key(), source, problems);
        }
        PipelineDefinition.Train train = steps.train();
        List<String> available = source == null ? null : datasetColumns(split, train.dataset(), sources, problems);
        if (available != null) {
            if (d.target() == null) {
                problems.add("target: missing; name the column to predict");
            } else if (!available.contains(d.target())) {
                problems.add("target: unknown column '" + d.target() + "'; the model's dataset has: " + available);
            }
        }
        oneOf("steps.train.strategy", train.strategy(), names.trainers(), problems);
        if (train.rounds() < 1) {
            problems.add("steps.train.rounds: " + train.rounds() + " must be at least 1");
        }
        if (train.kBest() != null && train.kBest() < 1) {
            problems.add("steps.train.k-best: " + train.kBest() + " must be at least 1");
        }
        if (train.features() == null || train.features().isEmpty()) {
            problems.add("steps.train.features: at least one feature is required");
        } else if (available != null) {
            for (int i = 0; i < train.features().size(); i++) {
                FeatureSpec f = train.features().get(i);
                for (String column : f.columns()) {
                    if (!available.contains(column)) {
                        problems.add("steps.train.features[" + i + "].columns: unknown column '" + column
                                + "'; the model's dataset has: " + available);
                    }
                }
                if (f.columns().contains(d.target())) {
                    problems.add("steps.train.features[" + i + "].columns: uses the target '" + d.target()
                            + "' as a feature (leakage)");
                }
            }
        }
        if (train.monotone() != null && train.features() != null) {
            List<String> numericNames = train.features().stream()
                    .filter(f -> f.kind() != io.adlift.steps.features.FeatureKind.ONE_HOT).map(FeatureSpec::name).toList();
            train.monotone().forEach((feature, direction) -> {
                if (!numericNames.contains(feature)) {
                    problems.add("steps.train.monotone." + feature + ": no such feature (one-hot features cannot be "
                            + "monotone); features: " + numericNames);
                }
                if (direction == null || Math.abs(direction) != 1) {
                    problems.add("steps.train.monotone." + feature + ": " + direction + " must be 1 (rising) or -1 (falling)");
                }
            });
            if (train.params() != null && train.params().keySet().stream().map(DefinitionValidator::xgboostName)
                    .anyMatch("monotone_constraints"::equals)) {
                problems.add("steps.train.monotone: give monotone constraints here or in params, not both");
            }
        }
        if (train.params() != null) {
            for (String param : train.params().keySet()) {
                if (!XGBOOST_PARAMS.contains(xgboostName(param))) {
                    problems.add("steps.train.params: unknown XGBoost parameter '" + param + "'; allowed (kebab-case "
                            + "or XGBoost's own snake_case): "
                            + XGBOOST_PARAMS.stream().map(n -> n.replace('_', '-')).sorted().toList());
                }
            }
        }
        checkSearch(train, problems);
        Set<String> metrics = d.kind() == PipelineKind.CLASSIFICATION ? CLASSIFICATION_METRICS : REGRESSION_METRICS;
        oneOf("primary-metric", d.primaryMetric(), metrics, problems);
        List<io.adlift.steps.evaluate.GateCriterion> gate = steps.evaluate().gate();
        if (gate != null) {
            for (int i = 0; i < gate.size(); i++) {
                oneOf("steps.evaluate.gate[" + i + "].metric", gate.get(i).metric(), metrics, problems);
            }
        }
        PipelineDefinition.Evaluate evaluate = steps.evaluate();
        if (evaluate.threshold() <= 0 || evaluate.threshold() >= 1) {
            problems.add("steps.evaluate.threshold: " + evaluate.threshold() + " must be between 0 and 1 (exclusive)");
        }
        if (evaluate.intervalCoverage() <= 0 || evaluate.intervalCoverage() >= 1) {
            problems.add("steps.evaluate.interval-coverage: " + evaluate.intervalCoverage()
                    + " must be between 0 and 1 (exclusive), e.g. 0.8");
        }
        if (evaluate.cv() != null && evaluate.cv().sampleRows() < 2 * evaluate.cv().folds()) {
            problems.add("steps.evaluate.cv.sample-rows: " + evaluate.cv().sampleRows() + " must be at least twice the folds");
        }
        if (evaluate.cv() != null && (evaluate.cv().folds() < 2 || evaluate.cv().repeats() < 1)) {
            problems.add("steps.evaluate.cv: " + evaluate.cv().folds() + " folds and " + evaluate.cv().repeats()
                    + " repeats; at least 2 folds and 1 repeat are needed");
        }
        if (evaluate.champion() != null) {
            oneOf("steps.evaluate.champion.metric", evaluate.champion().metric(), metrics, problems);
            if (!(evaluate.champion().margin() >= 0)) {
                problems.add("steps.evaluate.champion.margin: " + evaluate.champion().margin() + " must be 0 or more");
            }
        }
        if (evaluate.forecast() != null) {
            checkForecast(d, evaluate.forecast(), available, sources, problems);
        }
        oneOf("steps.deploy.strategy", steps.deploy().strategy(), names.deployers(), problems);
    }

    /** Candidates name known strategies, params and well-formed ranges; the search's settings are in bounds. */
    private void checkSearch(PipelineDefinition.Train train, List<String> problems) {
        if (train.candidates() != null) {
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < train.candidates().size(); i++) {
                PipelineDefinition.Candidate c = train.candidates().get(i);
                String at = "steps.train.candidates[" + i + "]";
                oneOf(at + ".strategy", c.strategy(), names.trainers(), problems);
                String name = c.name() == null ? c.strategy() : c.name();
                if ("defined".equals(name) || !seen.add(String.valueOf(name))) {
                    problems.add(at + ".name: '" + name + "' is taken; candidates need distinct names other than 'defined'");
                }
                if ("linear".equals(c.strategy()) && train.monotone() != null && !train.monotone().isEmpty()) {
                    problems.add(at + ".strategy: a linear model cannot honour steps.train.monotone; drop one of them");
                }
                Map<String, String> params = c.params() == null ? Map.of() : c.params();
                Map<String, Map<String, List<String>>> ranges = c.search() == null ? Map.of() : c.search();
                java.util.stream.Stream.concat(params.keySet().stream(), ranges.keySet().stream()).distinct()
                        .filter(p -> !XGBOOST_PARAMS.contains(xgboostName(p)))
                        .forEach(p -> problems.add(at + ": unknown XGBoost parameter '" + p + "'"));
                ranges.forEach((param, range) -> {
                    if (range.size() != 1) {
                        problems.add(at + ".search." + param + ": give exactly one of int, float, log-float or choice");
                    }
                    range.forEach((kind, values) -> {
                        try {
                            io.adlift.steps.tune.Parameter.parse(param, kind, values);
                        } catch (IllegalArgumentException e) {
                            problems.add(at + ".search." + e.getMessage());
                        }
                    });
                });
            }
        }
        PipelineDefinition.Search search = train.search();
        if (search == null) {
            if (train.candidates() != null && !train.candidates().isEmpty()) {
                problems.add("steps.train.candidates: candidates compete only in a search; add steps.train.search");
            }
            return;
        }
        oneOf("steps.train.search.sampler", search.sampler(), Set.of("tpe", "random"), problems);
        if (search.trials() < 1) {
            problems.add("steps.train.search.trials: " + search.trials() + " must be at least 1");
        }
        if (search.folds() < 2) {
            problems.add("steps.train.search.folds: " + search.folds() + " must be at least 2");
        }
        if (search.sampleRows() < 2 * search.folds()) {
            problems.add("steps.train.search.sample-rows: " + search.sampleRows() + " must be at least twice the folds");
        }
        if (search.repeats() < 1) {
            problems.add("steps.train.search.repeats: " + search.repeats() + " must be at least 1");
        }
        if (search.earlyStopping() < 1) {
            problems.add("steps.train.search.early-stopping: " + search.earlyStopping() + " must be at least 1 round");
        }
        if (search.timeBudgetSeconds() < 0) {
            problems.add("steps.train.search.time-budget-seconds: " + search.timeBudgetSeconds() + " must be 0 (none) or more");
        }
    }

    /**
     * The columns the model's dataset offers, or null when it cannot be known (problems say why): the
     * split source's and its joins', or what a named dataset produces.
     */
    private List<String> datasetColumns(PipelineDefinition.Split split, PipelineDefinition.Dataset dataset,
            Map<String, PipelineDefinition.Source> sources, List<String> problems) {
        oneOf("steps.train.dataset.strategy", dataset.strategy(), names.datasets().keySet(), problems);
        SourceNeeds needs = names.datasets().get(dataset.strategy());
        if (needs == null) {
            return null;
        }
        reads("steps.train.dataset.strategy: '" + dataset.strategy() + "'", needs, sources, problems);
        if (!needs.produces().isEmpty()) {
            return needs.produces();
        }
        PipelineDefinition.Source main = split.source() == null ? sources.values().iterator().next()
                : sources.get(split.source());
        List<String> available = new ArrayList<>(main.columns().stream().map(ColumnSpec::name).toList());
        List<PipelineDefinition.Join> joins = dataset.joins() == null ? List.of() : dataset.joins();
        for (int i = 0; i < joins.size(); i++) {
            String key = "steps.train.dataset.joins[" + i + "]";
            PipelineDefinition.Join join = joins.get(i);
            PipelineDefinition.Source joined = source(key + ".source", join.source(), sources, problems);
            if (joined == null || join.key() == null || join.key().isEmpty()) {
                if (joined != null) {
                    problems.add(key + ".key: at least one key column is required");
                }
                continue;
            }
            columns(key + ".key", join.key(), joined, problems);
            columns(key + ".key", join.key(), main, problems);
            for (ColumnSpec c : joined.columns()) {
                if (join.key().contains(c.name())) {
                    continue;
                }
                if (available.contains(c.name())) {
                    problems.add(key + ": column '" + c.name() + "' of '" + join.source()
                            + "' is also a column of the rows it joins; rename one");
                } else {
                    available.add(c.name());
                }
            }
        }
        return available;
    }

    private static void checkForecast(PipelineDefinition d, PipelineDefinition.Forecast forecast, List<String> available,
            Map<String, PipelineDefinition.Source> sources, List<String> problems) {
        String key = "steps.evaluate.forecast";
        if (d.kind() != PipelineKind.CLASSIFICATION) {
            problems.add(key + ": a spend forecast needs a classification model (it sums predicted conversions)");
        }
        if (forecast.spendColumn() == null || available != null && !available.contains(forecast.spendColumn())) {
            problems.add(key + ".spend-column: " + (forecast.spendColumn() == null ? "missing"
                    : "unknown column '" + forecast.spendColumn() + "'") + "; the model's dataset has: " + available);
        }
        if (forecast.increases() == null || forecast.increases().isEmpty()
                || forecast.increases().stream().anyMatch(x -> x == null || x <= 0)) {
            problems.add(key + ".increases: one or more spend increases above 0 (0.1 for +10 %) are required");
        }
        PipelineDefinition.Source valueSource = source(key + ".value-source", forecast.valueSource(), sources, problems);
        if (valueSource != null) {
            if (forecast.valueColumn() == null) {
                problems.add(key + ".value-column: missing; name the column holding each conversion's revenue");
            } else {
                columns(key + ".value-column", List.of(forecast.valueColumn()), valueSource, problems);
            }
        }
    }

    /** Every source and column a strategy reads is declared. */
    private static void reads(String key, SourceNeeds needs, Map<String, PipelineDefinition.Source> sources,
            List<String> problems) {
        needs.reads().forEach((sourceName, columns) -> {
            PipelineDefinition.Source source = sources.get(sourceName);
            if (source == null) {
                problems.add(key + " reads source '" + sourceName + "', which steps.ingest.sources does not declare; "
                        + "declared: " + sources.keySet());
            } else {
                List<String> declared = source.columns() == null ? List.of()
                        : source.columns().stream().map(ColumnSpec::name).toList();
                columns.stream().filter(c -> !declared.contains(c)).forEach(c -> problems.add(key + " reads column '" + c
                        + "' of source '" + sourceName + "', which is not declared; declared columns: " + declared));
            }
        });
    }

    /** XGBoost's own spelling of a parameter written kebab-case in YAML. */
    static String xgboostName(String key) {
        return key.replace('-', '_');
    }

    private static PipelineDefinition.Source source(String key, String name, Map<String, PipelineDefinition.Source> sources,
            List<String> problems) {
        if (name == null && sources.size() == 1) {
            return sources.values().iterator().next();
        }
        PipelineDefinition.Source source = name == null ? null : sources.get(name);
        if (source == null) {
            problems.add(key + ": " + (name == null ? "missing" : "unknown source '" + name + "'") + "; allowed: "
                    + sources.keySet());
        }
        return source;
    }

    private static void columns(String key, Collection<String> columns, PipelineDefinition.Source source,
            List<String> problems) {
        List<String> declared = source.columns() == null ? List.of() : source.columns().stream().map(ColumnSpec::name).toList();
        for (String column : columns) {
            if (!declared.contains(column)) {
                problems.add(key + ": unknown column '" + column + "'; declared columns: " + declared);
            }
        }
    }

    private static void oneOf(String key, String value, Set<String> allowed, List<String> problems) {
        if (value == null || !allowed.contains(value)) {
            problems.add(key + ": " + (value == null ? "missing" : "unknown value '" + value + "'") + "; allowed: "
                    + sorted(allowed));
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
