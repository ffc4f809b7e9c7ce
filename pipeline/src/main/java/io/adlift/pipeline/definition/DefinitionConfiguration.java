package io.adlift.pipeline.definition;

import io.adlift.steps.ingest.CsvSourceFormat;
import io.adlift.steps.ingest.SourceFormat;
import io.adlift.steps.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline catalog, validated against the strategy registries every step configuration
 * contributes, and the ingest reader strategies.
 */
@Configuration(proxyBeanMethods = false)
class DefinitionConfiguration {

    @Bean
    static StrategyRegistry<SourceFormat> sourceFormats() {
        return new StrategyRegistry<>("ingest reader", List.of(new CsvSourceFormat()), SourceFormat::name);
    }

    @Bean
    PipelineCatalog pipelineCatalog(@Value("${adlift.pipelines-dir}") Path folder, StrategyRegistry<SourceFormat> sourceFormats,
            StrategyRegistry<?> cleaningRules, StrategyRegistry<?> splitStrategies, StrategyRegistry<Trainer> trainers,
            StrategyRegistry<?> deployers, List<StrategyNeeds> needs) {
        return PipelineCatalog.load(folder, new StrategyNames(sourceFormats.names(), cleaningRules.names(),
                splitStrategies.names(), trainers.names(), deployers.names(), needsOf(needs, StrategyNeeds.Kind.KPI_SET),
                needsOf(needs, StrategyNeeds.Kind.MODEL_DATASET)));
    }

    private static java.util.Map<String, SourceNeeds> needsOf(List<StrategyNeeds> needs, StrategyNeeds.Kind kind) {
        return needs.stream().filter(n -> n.kind() == kind).findFirst().map(StrategyNeeds::byName)
                .orElse(java.util.Map.of());
    }
}
