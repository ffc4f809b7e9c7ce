package io.adlift.pipeline.split;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.steps.split.HashSplitter;
import io.adlift.steps.split.Splitter;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code split} step and the split strategies a definition can name. */
@Configuration(proxyBeanMethods = false)
class SplitStepConfiguration {

    @Bean
    static StrategyRegistry<SplitStrategy> splitStrategies() {
        SplitStrategy hash = new SplitStrategy() {
            @Override
            public String name() {
                return "hash";
            }

            @Override
            public Splitter create(PipelineDefinition.Split settings) {
                return new HashSplitter(settings.seed(), settings.testFraction());
            }
        };
        return new StrategyRegistry<>("split strategy", List.of(hash), SplitStrategy::name);
    }

    @Bean
    Step split(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineCatalog catalog,
            StrategyRegistry<SplitStrategy> splitStrategies, JdbcTemplate jdbc) {
        return new StepBuilder("split", jobRepository)
                .tasklet(new SplitTasklet(catalog, splitStrategies, jdbc), transactionManager)
                .build();
    }
}
