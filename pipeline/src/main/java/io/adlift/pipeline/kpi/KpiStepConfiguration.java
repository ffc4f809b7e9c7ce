package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.StrategyNeeds;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.tracking.RunTracking;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code kpi} step and the KPI sets a definition can name. */
@Configuration(proxyBeanMethods = false)
class KpiStepConfiguration {

    @Bean
    static StrategyRegistry<KpiSet> kpiSets() {
        return new StrategyRegistry<>("KPI set", List.of(new AdPerformanceKpis(), new CampaignDailyKpis(),
                new SessionAttributionKpis(), new CampaignRollupKpis(), new InfluencerKpis()), KpiSet::name);
    }

    @Bean
    static StrategyNeeds kpiSetNeeds(StrategyRegistry<KpiSet> kpiSets) {
        return new StrategyNeeds(StrategyNeeds.Kind.KPI_SET, kpiSets.names().stream()
                .collect(java.util.stream.Collectors.toMap(n -> n, n -> kpiSets.get(n).needs())));
    }

    @Bean
    Step kpi(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineCatalog catalog,
            StrategyRegistry<KpiSet> kpiSets, JdbcTemplate jdbc, RunTracking tracking) {
        return new StepBuilder("kpi", jobRepository).tasklet(new KpiTasklet(catalog, kpiSets, jdbc, tracking), transactionManager)
                .build();
    }
}
