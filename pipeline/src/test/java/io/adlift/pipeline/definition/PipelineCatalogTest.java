package io.adlift.pipeline.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCatalogTest {

    private static final Path SHIPPED = ShippedPipelines.DIR;

    private static final StrategyNames NAMES = ShippedPipelines.NAMES;

    @TempDir
    Path dir;

    private Path definitionWith(String from, String to) throws IOException {
        return definitionWith("ad-conversions", from, to);
    }

    private Path definitionWith(String pipeline, String from, String to) throws IOException {
        String shipped = Files.readString(SHIPPED.resolve(pipeline + ".yml"));
        if (!shipped.contains(from)) {
            throw new IllegalStateException("the shipped definition no longer contains: " + from);
        }
        Path file = dir.resolve(pipeline + ".yml");
        Files.writeString(file, shipped.replace(from, to));
        return file;
    }

    @Test
    void shouldLoadTheShippedDefinitions() {
        PipelineCatalog catalog = PipelineCatalog.load(SHIPPED, NAMES);

        Pipeline pipeline = catalog.get("ad-conversions");
        assertThat(pipeline.definition().kind()).isEqualTo(PipelineKind.REGRESSION);
        assertThat(pipeline.schema("ads").names()).hasSize(11);
        assertThat(pipeline.steps().train().features()).hasSize(14);
        assertThat(pipeline.steps().train().params()).containsEntry("max-depth", "3");
        assertThat(pipeline.configHash()).hasSize(64);
    }

    @Test
    void shouldNameFileKeyAndAllowedValuesForAnUnknownStrategy() throws IOException {
        Path file = definitionWith("strategy: xgboost", "strategy: xgbost");

        assertThatThrownBy(() -> PipelineCatalog.load(dir, NAMES)).isInstanceOf(DefinitionException.class)
                .hasMessage(file + ": steps.train.strategy: unknown value 'xgbost'; allowed: [forest, linear, trees, xgboost]");
    }

    @Test
    void shouldNameTheLineOfAMisspelledKey() throws IOException {
        Path file = definitionWith("test-fraction: 0.2", "test-fracton: 0.2");

        assertThatThrownBy(() -> PipelineCatalog.load(dir, NAMES)).hasMessageContaining(file.toString())
                .hasMessageContaining("unknown key").hasMessageContaining("steps.split.test-fracton")
                .hasMessageMatching("(?s).*- \\d+:\\d+.*");
    }

    @Test
    void shouldListTheAllowedKindsForABadKind() throws IOException {
        definitionWith("kind: regression", "kind: regresion");

        assertThatThrownBy(() -> PipelineCatalog.load(dir, NAMES)).hasMessageContaining("kind")
                .hasMessageContaining("'regresion'").hasMessageContaining("allowed: [regression, classification, kpi-only]");
    }

    @Test
    void shouldRefuseAFeatureOnAnUndeclaredColumnAndTheTargetAsAFeature() throws IOException {
        definitionWith("- { kind: numeric, columns: [interest] }",
                "- { kind: numeric, columns: [intrest] }\n      - { kind: numeric, columns: [Approved_Conversion] }");

        assertThatThrownBy(() -> PipelineCatalog.load(dir, NAMES)).isInstanceOfSatisfying(DefinitionException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("steps.train.features[3].columns: "
                        + "unknown column 'intrest'; the model's dataset has: [ad_id,"))
                        .anySatisfy(p -> assertThat(p).contains("uses the target 'Approved_Conversion' as a feature")));
    }

    @Test
    void shouldAcceptXgboostParametersInEitherSpellingAndRefuseUnknownOnes() throws IOException {
        definitionWith("max-depth: 3", "max_depth: 3\n      max-dept: 4");

        assertThatThrownBy(() -> PipelineCatalog.load(dir, NAMES)).isInstanceOfSatisfying(DefinitionException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p)
                        .contains("unknown XGBoost parameter 'max-dept'").contains("max-depth")));
    }

    @Test
    void shouldReadTheSearchAndDeclaredCandidatesWithTheirRanges() throws IOException {
        definitionWith("search: { sampler: tpe, trials: 15, folds: 5, repeats: 3, early-stopping: 30, seed: 42 }",
                """
                search: { sampler: random, trials: 7, folds: 4, time-budget-seconds: 60 }
                    candidates:
                      - name: shallow
                        strategy: trees
                        params: { max-depth: 2 }
                        search:
                          eta: { log-float: [0.01, 0.3] }
                          min-child-weight: { int: [1, 10] }
                          grow-policy: { choice: [depthwise, lossguide] }
                      - { strategy: linear, search: { lambda: { float: [0, 1] } } }""");

        PipelineDefinition.Train train = PipelineCatalog.load(dir, NAMES).get("ad-conversions").steps().train();

        assertThat(train.search()).isEqualTo(new PipelineDefinition.Search("random", 7, 60, 4, 1, 30, 42, 10_000));
        assertThat(train.candidates()).hasSize(2);
        assertThat(train.candidates().get(0).search()).containsOnlyKeys("eta", "min-child-weight", "grow-policy");
        assertThat(train.candidates().get(0).search().get("eta")).containsEntry("log-float", List.of("0.01", "0.3"));
        assertThat(train.candidates().get(0).search().get("grow-policy"))
                .containsEntry("choice", List.of("depthwise", "lossguide"));
        assertThat(train.candidates().get(1).strategy()).isEqualTo("linear");
    }

    @Test
    void shouldNameTheCandidateAndRangeThatAreWrong() throws IOException {
        definitionWith("search: { sampler: tpe, trials: 15, folds: 5, repeats: 3, early-stopping: 30, seed: 42 }",
                """
                search: { sampler: annealing, trials: 0, folds: 1 }
                    candidates:
                      - { name: a, strategy: boosted, search: { eta: { log-float: [0, 0.3] } } }
                      - { name: a, strategy: trees, search: { max-depth: { int: [2] }, etta: { float: [0, 1] } } }""");

        assertThatThrownBy(() -> PipelineCatalog.load(dir, NAMES)).isInstanceOfSatisfying(DefinitionException.class,
                e -> assertThat(String.join("\n", e.problems()))
                        .contains("steps.train.candidates[0].strategy: unknown value 'boosted'")
                        .contains("steps.train.candidates[0].search.eta: a log-float range must be above 0")
                        .contains("steps.train.candidates[1].name: 'a' is taken")
                        .contains("steps.train.candidates[1].search.max-depth: the int range needs two bounds")
                        .contains("steps.train.candidates[1]: unknown XGBoost parameter 'etta'")
                        .contains("steps.train.search.sampler")
                        .contains("steps.train.search.trials: 0 must be at least 1")
                        .contains("steps.train.search.folds: 1 must be at least 2"));
    }

    @Test
    void shouldListTheDefinedPipelinesForAnUnknownOne() {
        PipelineCatalog catalog = PipelineCatalog.load(SHIPPED, NAMES);

        assertThatThrownBy(() -> catalog.get("add-conversions"))
                .hasMessage("unknown pipeline 'add-conversions'; defined pipelines: [ad-conversions, campaign-clv, campaign-purchases, influencer-roas, session-conversion]");
    }

    @Test
    void shouldLoadAllFiveDataModels() {
        PipelineCatalog catalog = PipelineCatalog.load(SHIPPED, NAMES);

        assertThat(catalog.all()).extracting(Pipeline::name).containsExactlyInAnyOrder("ad-conversions", "campaign-clv", "session-conversion",
                "campaign-purchases", "influencer-roas");
        assertThat(catalog.get("session-conversion").definition().kind()).isEqualTo(PipelineKind.CLASSIFICATION);
        assertThat(catalog.get("influencer-roas").hasModel()).isFalse();
        assertThat(catalog.get("session-conversion").steps().train().features())
                .noneMatch(f -> f.columns().contains("tier"));
    }

    @Test
    void shouldRefuseAReferenceToASourceCleanedLater() throws IOException {
        definitionWith("session-conversion", "references: { source: sessions, columns: [session_id] }",
                "references: { source: orders, columns: [order_id] }");

        assertThatThrownBy(() -> PipelineCatalog.load(dir, NAMES)).hasMessageContaining(
                "steps.clean.rules[10].references.source: 'orders' must be declared before 'orders'");
    }

    @Test
    void shouldRefuseAFeatureOnAColumnTheModelDatasetDoesNotOffer() throws IOException {
        definitionWith("campaign-purchases", "- { kind: numeric, columns: [ads_video] }",
                "- { kind: numeric, columns: [ads_tiktok] }");

        assertThatThrownBy(() -> PipelineCatalog.load(dir, NAMES)).hasMessageContaining(
                "steps.train.features[11].columns: unknown column 'ads_tiktok'; the model's dataset has: [campaign_id,");
    }

    @Test
    void shouldNameTheColumnAKpiSetReadsButTheDefinitionLacks() throws IOException {
        definitionWith("influencer-roas", "- { name: reach,         type: integer, required: true }", "");
        StrategyNames needingReach = new StrategyNames(NAMES.readers(), NAMES.cleaningRules(), NAMES.splits(),
                NAMES.trainers(), NAMES.deployers(), Map.of("influencer", new SourceNeeds(Map.of("posts",
                        java.util.List.of("likes", "reach")), java.util.List.of())), NAMES.datasets());

        assertThatThrownBy(() -> PipelineCatalog.load(dir, needingReach)).hasMessageContaining(
                "steps.kpi.set: 'influencer' reads column 'reach' of source 'posts', which is not declared");
    }
}
