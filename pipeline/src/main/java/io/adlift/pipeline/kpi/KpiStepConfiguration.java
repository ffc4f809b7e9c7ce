package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.PipelineCatalog;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code kpi} step. */
@Configuration(proxyBeanMethods = false)
class KpiStepConfiguration {

    @Bean
    Step kpi(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineCatalog catalog,
            JdbcTemplate jdbc) {
        return new StepBuilder("kpi", jobRepository).tasklet(new KpiTasklet(catalog, jdbc), transactionManager).build();
    }
}
