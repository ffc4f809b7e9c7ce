package io.adlift.steps.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.steps.evaluate.RegressionMetrics;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.features.FeatureKind;
import io.adlift.steps.features.FeatureSpec;
import io.adlift.steps.train.BoosterMode;
import io.adlift.steps.train.EarlyStopping;
import io.adlift.steps.train.ModelSpec;
import io.adlift.steps.train.XgboostTrainer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cross-validation on the real Kaggle ad file: no held-out row reaches feature fitting, and a linear model on standardised seed features reaches the peers' R². */
class CrossValidationOnKaggleTest {

    private static final Path KAG = Path.of("..", "examples", "data", "KAG_conversion_data.csv");
    private static final List<Function<String, Object>> ROWS = new ArrayList<>();
    private static float[] labels;

    private static final List<FeatureSpec> SEED_FEATURES = List.of(
            new FeatureSpec(FeatureKind.ONE_HOT, List.of("xyz_campaign_id"), null),
            new FeatureSpec(FeatureKind.ONE_HOT, List.of("age"), null),
            new FeatureSpec(FeatureKind.ONE_HOT, List.of("gender"), null),
            new FeatureSpec(FeatureKind.NUMERIC, List.of("interest"), null),
            new FeatureSpec(FeatureKind.NUMERIC, List.of("Impressions"), null),
            new FeatureSpec(FeatureKind.NUMERIC, List.of("Clicks"), null),
            new FeatureSpec(FeatureKind.NUMERIC, List.of("Spent"), null),
            new FeatureSpec(FeatureKind.NUMERIC, List.of("Total_Conversion"), null),
            new FeatureSpec(FeatureKind.PRODUCT, List.of("Impressions", "Clicks"), null),
            new FeatureSpec(FeatureKind.RATIO, List.of("Clicks", "Impressions"), "ctr"),
            new FeatureSpec(FeatureKind.RATIO, List.of("Spent", "Impressions"), null),
            new FeatureSpec(FeatureKind.RATIO, List.of("Total_Conversion", "Impressions"), null));

    @BeforeAll
    static void readTheFile() throws IOException {
        List<Float> y = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(KAG)) {
            int id = 0;
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Map<String, Object> row = new HashMap<>();
                row.put("row_id", "r" + id++);
                for (String c : List.of("xyz_campaign_id", "age", "gender")) {
                    row.put(c, r.get(c));
                }
                for (String c : List.of("interest", "Impressions", "Clicks", "Spent", "Total_Conversion")) {
                    row.put(c, Double.parseDouble(r.get(c)));
                }
                ROWS.add(row::get);
                y.add(Float.parseFloat(r.get("Approved_Conversion")));
            }
        }
        labels = new float[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
    }

    @Test
    void shouldNeverLetAHeldOutRowIntoFeatureFitting() {
        // The canary: a one-hot feature of the row id learns exactly the ids of the rows it was fitted on.
        List<FeatureSpec> withCanary = new ArrayList<>(SEED_FEATURES);
        withCanary.add(new FeatureSpec(FeatureKind.ONE_HOT, List.of("row_id"), "canary"));
        CrossValidation cv = new CrossValidation(5, 2, 42);
        List<Set<String>> fittedOn = new ArrayList<>();
        List<Set<String>> trainedOn = new ArrayList<>();

        cv.run(ROWS, labels, (rows, y) -> FeatureEncoding.fit(withCanary, rows), new XgboostTrainer(),
                encoding -> new ModelSpec("xgboost", Map.of("max_depth", "2"), 5, 1),
                (actual, predicted) -> RegressionMetrics.of(actual, predicted).asMap(), null,
                (repeat, fold, encoding, trainRows, metrics) -> {
                    fittedOn.add(new HashSet<>(encoding.categories().get("canary")));
                    Set<String> ids = new HashSet<>();
                    trainRows.forEach(r -> ids.add((String) r.apply("row_id")));
                    trainedOn.add(ids);
                });

        assertThat(fittedOn).hasSize(10);
        for (int i = 0; i < fittedOn.size(); i++) {
            assertThat(fittedOn.get(i)).as("fold %d", i).isEqualTo(trainedOn.get(i)).hasSizeLessThan(ROWS.size());
        }
    }

    @Test
    void shouldReachThePeersR2WithTheLinearStrategyOnStandardisedSeedFeatures() {
        CrossValidation cv = new CrossValidation(5, 5, 1);

        CrossValidation.Result result = cv.run(ROWS, labels,
                (rows, y) -> {
                    FeatureEncoding encoding = FeatureEncoding.fit(SEED_FEATURES, rows);
                    return encoding.standardize(encoding.matrix(rows));
                }, new XgboostTrainer("linear", BoosterMode.LINEAR),
                encoding -> new ModelSpec("linear", Map.of("eta", "1.0", "lambda", "0", "alpha", "0"), 300, 1),
                (actual, predicted) -> RegressionMetrics.of(actual, predicted).asMap(),
                new EarlyStopping(20, EarlyStopping::rmse), CrossValidation.FoldListener.NONE);

        Map<String, CrossValidatedScore> scores = result.scores();
        assertThat(scores.get("r2").folds()).hasSize(25);
        assertThat(scores.get("r2").mean()).as(scores.get("r2").toString()).isGreaterThan(0.70);
        assertThat(scores.get("rmse").mean()).isLessThan(0.95);
        // early stopping kept fewer rounds than the cap in at least one fold, and never more
        assertThat(result.rounds()).hasSize(25);
        assertThat(java.util.Arrays.stream(result.rounds()).boxed().toList()).allSatisfy(r -> assertThat(r).isBetween(1, 300));
    }
}
