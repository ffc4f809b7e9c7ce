package io.adlift.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.pipeline.definition.StrategyNames;
import io.adlift.pipeline.kpi.CampaignRollup;
import io.adlift.steps.evaluate.ClassificationMetrics;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.generate.GenerationListener;
import io.adlift.steps.generate.SessionConversionGenerator;
import io.adlift.steps.generate.SessionConversionRule;
import io.adlift.steps.split.HashSplitter;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.TrainedModel;
import io.adlift.steps.train.TrainingListener;
import io.adlift.steps.train.XgboostTrainer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped session-conversion model against the Bayes limit: 200,000 generated sessions, split as
 * the definition splits them, features fitted and the model trained on the training rows by the
 * definition's own recipe, and the test rows scored both by the model and by the generator's hidden
 * rule (which reads the tier, as no model may). No model can beat the rule; ours must come within
 * 0.01 ROC AUC and 0.005 log loss of it.
 */
class SessionConversionNearTheLimitTest {

    private static final Path SHIPPED = Path.of(System.getProperty("adlift.test.repo-root", ".."), "config", "pipelines")
            .toAbsolutePath().normalize();
    private static final StrategyNames NAMES = new StrategyNames(Set.of("csv"),
            Set.of("required", "range", "dedupe", "references"), Set.of("hash"), Set.of("xgboost", "trees", "linear", "forest"),
            Set.of("local"),
            Map.of("ad-performance", SourceNeeds.none(), "campaign-daily", SourceNeeds.none(), "session-attribution",
                    SourceNeeds.none(), "campaign-rollup", SourceNeeds.none(), "influencer", SourceNeeds.none()),
            Map.of("source", SourceNeeds.none(), "campaign-rollup", CampaignRollup.needs()));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2026})
    void shouldComeWithinAHairOfTheGeneratorsOwnProbability(long seed) throws IOException {
        Pipeline pipeline = PipelineCatalog.load(SHIPPED, NAMES).get("session-conversion");
        new SessionConversionGenerator().generate(dir, 200_000, seed, GenerationListener.NONE);
        Map<String, Map<String, Object>> campaigns = new HashMap<>();
        List<SessionConversionRule.Campaign> rule = new ArrayList<>();
        for (CSVRecord c : read(dir.resolve("campaigns.csv"))) {
            Map<String, Object> row = new HashMap<>();
            row.put("campaign_id", c.get("campaign_id"));
            row.put("spend", Double.parseDouble(c.get("spend")));
            row.put("creative_format", c.get("creative_format"));
            row.put("creative_theme", c.get("creative_theme"));
            row.put("start_date", java.time.LocalDate.parse(c.get("start_date")));
            campaigns.put(c.get("campaign_id"), row);
            rule.add(new SessionConversionRule.Campaign(c.get("campaign_id"), c.get("tier"),
                    Double.parseDouble(c.get("spend")), c.get("creative_format"), c.get("creative_theme")));
        }
        Map<String, Double> truth = SessionConversionRule.probabilities(rule);
        var split = pipeline.steps().split();
        HashSplitter splitter = new HashSplitter(split.seed(), split.testFraction());
        List<Function<String, Object>> training = new ArrayList<>();
        List<Function<String, Object>> test = new ArrayList<>();
        for (CSVRecord s : read(dir.resolve("sessions.csv"))) {
            // the tier is left out of the joined row, as the definition's features leave it out
            Map<String, Object> row = new HashMap<>(campaigns.get(s.get("campaign_id")));
            row.put("session_id", s.get("session_id"));
            row.put("user_id", s.get("user_id"));
            row.put("session_start", LocalDateTime.parse(s.get("session_start")));
            row.put("utm_source", s.get("utm_source"));
            row.put("utm_medium", s.get("utm_medium"));
            row.put("converted", Integer.parseInt(s.get("converted")));
            (splitter.label(List.of(s.get("session_id"))) == SplitLabel.TEST ? test : training).add(row::get);
        }
        String target = pipeline.definition().target();
        float[] labels = ModelRows.labels(target, training);
        float[] actual = ModelRows.labels(target, test);
        float[] limit = new float[test.size()];
        for (int i = 0; i < limit.length; i++) {
            limit[i] = truth.get((String) test.get(i).apply("campaign_id")).floatValue();
        }

        ModelRecipe recipe = new ModelRecipe(pipeline);
        FeatureEncoding encoding = recipe.fitEncoding(training, labels);
        float[] predicted;
        try (TrainedModel model = new XgboostTrainer().train(ModelRows.matrix(encoding, training), labels,
                recipe.spec(encoding), TrainingListener.NONE)) {
            predicted = model.predict(ModelRows.matrix(encoding, test));
        }

        double threshold = pipeline.steps().evaluate().threshold();
        ClassificationMetrics bayes = ClassificationMetrics.of(actual, limit, threshold);
        ClassificationMetrics ours = ClassificationMetrics.of(actual, predicted, threshold);
        String figures = String.format("limit: roc_auc %.4f, log_loss %.4f; model: roc_auc %.4f, log_loss %.4f",
                bayes.rocAuc(), bayes.logLoss(), ours.rocAuc(), ours.logLoss());
        System.out.println("seed " + seed + " " + figures);
        assertThat(ours.rocAuc()).as(figures).isGreaterThan(bayes.rocAuc() - 0.01);
        assertThat(ours.logLoss()).as(figures).isLessThan(bayes.logLoss() + 0.005);
    }

    @org.junit.jupiter.api.Test
    void shouldNeverLetAHeldOutRowIntoFittingTheCampaignFeatures() throws IOException {
        // The canary: a one-hot feature of the session id learns exactly the ids of the rows it was fitted on.
        String shipped = Files.readString(SHIPPED.resolve("session-conversion.yml"));
        String anchor = "      - { kind: one-hot, columns: [campaign_id] }\n";
        assertThat(shipped).contains(anchor);
        Path definitions = Files.createDirectories(dir.resolve("definitions"));
        Files.writeString(definitions.resolve("session-conversion.yml"),
                shipped.replace(anchor, anchor + "      - { kind: one-hot, columns: [session_id], name: canary }\n"));
        Pipeline pipeline = PipelineCatalog.load(definitions, NAMES).get("session-conversion");
        new SessionConversionGenerator().generate(dir, 4_000, 5, GenerationListener.NONE);
        Map<String, Map<String, Object>> campaigns = new HashMap<>();
        for (CSVRecord c : read(dir.resolve("campaigns.csv"))) {
            campaigns.put(c.get("campaign_id"), Map.of("campaign_id", c.get("campaign_id"),
                    "spend", Double.parseDouble(c.get("spend")), "creative_format", c.get("creative_format"),
                    "creative_theme", c.get("creative_theme")));
        }
        List<Function<String, Object>> rows = new ArrayList<>();
        for (CSVRecord s : read(dir.resolve("sessions.csv"))) {
            Map<String, Object> row = new HashMap<>(campaigns.get(s.get("campaign_id")));
            row.put("session_id", s.get("session_id"));
            row.put("session_start", LocalDateTime.parse(s.get("session_start")));
            row.put("utm_source", s.get("utm_source"));
            row.put("utm_medium", s.get("utm_medium"));
            row.put("converted", Integer.parseInt(s.get("converted")));
            rows.add(row::get);
        }
        ModelRecipe recipe = new ModelRecipe(pipeline);
        List<String> checked = new ArrayList<>();

        new io.adlift.steps.tune.CrossValidation(4, 1, 42).run(rows, ModelRows.labels("converted", rows),
                recipe::fitEncoding, new XgboostTrainer(), recipe::spec, recipe::metrics, null,
                (repeat, fold, encoding, trainRows, metrics) -> {
                    Set<Object> sessions = new java.util.HashSet<>();
                    Set<Object> trainCampaigns = new java.util.HashSet<>();
                    trainRows.forEach(r -> {
                        sessions.add(r.apply("session_id"));
                        trainCampaigns.add(r.apply("campaign_id"));
                    });
                    assertThat(new java.util.HashSet<Object>(encoding.categories().get("canary"))).as("fold %d", fold)
                            .isEqualTo(sessions).hasSizeLessThan(rows.size());
                    assertThat(trainCampaigns).containsAll(encoding.categories().get("campaign_id"));
                    checked.add("fold " + fold);
                });

        assertThat(checked).hasSize(4);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
