package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.storage.RowSink;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code clean} step and the cleaning rules a definition can name. */
@Configuration(proxyBeanMethods = false)
class CleanStepConfiguration {

    @Bean
    static StrategyRegistry<CleaningRule> cleaningRules() {
        return new StrategyRegistry<>("cleaning rule", List.of(new RequiredRule(), new RangeRule(), new DedupeRule(),
                new ReferencesRule()),
                CleaningRule::name);
    }

    @Bean
    Step clean(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineCatalog catalog,
            StrategyRegistry<CleaningRule> cleaningRules, JdbcTemplate jdbc, RowSink rowSink) {
        return new StepBuilder("clean", jobRepository)
                .tasklet(new CleanTasklet(catalog, cleaningRules, jdbc, rowSink), transactionManager)
                .build();
    }
}
