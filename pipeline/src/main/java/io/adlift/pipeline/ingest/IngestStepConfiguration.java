package io.adlift.pipeline.ingest;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.job.RunContext;
import io.adlift.pipeline.progress.ProgressDisplay;
import io.adlift.pipeline.storage.RowSink;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.steps.ingest.RowRejectedException;
import io.adlift.steps.ingest.SourceFormat;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code ingest} step: a fault-tolerant chunk step whose only skippable failure is a rejected
 * record, so Spring Batch's counts read the truth: read = written (staged) + process-skipped
 * (rejected). Its components are step-scoped: each run binds its own pipeline and input files.
 */
@Configuration(proxyBeanMethods = false)
class IngestStepConfiguration {

    private final PipelineCatalog catalog;
    private final JdbcTemplate jdbc;


    /** Records per transaction: what a crash can lose and a restart redoes at most. */
    private final int chunkSize;

    IngestStepConfiguration(PipelineCatalog catalog, JdbcTemplate jdbc,
            @Value("${adlift.ingest.chunk-size:1000}") int chunkSize) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
    }

    @Bean
    Step ingest(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SourcesReader ingestReader, StagingWriter ingestWriter,
            SkipListener<SourceItem, StagedRow> ingestRejectRecorder, StepExecutionListener ingestReconciliation,
            ProgressDisplay progressDisplay) {
        return new StepBuilder("ingest", jobRepository)
                .<SourceItem, StagedRow>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(ingestReader)
                .processor(new TypingProcessor())
                .writer(ingestWriter)
                .faultTolerant()
                .skipPolicy((failure, skipCount) -> failure instanceof RowRejectedException)
                .skipListener(ingestRejectRecorder)
                .listener(ingestReconciliation)
                .listener(new IngestProgress(ingestReader, progressDisplay))
                .build();
    }

    @Bean
    @StepScope
    SourcesReader ingestReader(@Value("#{stepExecution}") StepExecution step,
            StrategyRegistry<SourceFormat> sourceFormats) {
        return new SourcesReader(RunContext.of(step, catalog), sourceFormats);
    }

    @Bean
    @StepScope
    StagingWriter ingestWriter(@Value("#{stepExecution}") StepExecution step, RowSink rowSink) {
        RunContext run = RunContext.of(step, catalog);
        return new StagingWriter(run, rowSink, SourceTables.of(run.pipeline()));
    }

    @Bean
    @StepScope
    SkipListener<SourceItem, StagedRow> ingestRejectRecorder(@Value("#{stepExecution}") StepExecution step,
            RejectTable rejectTable) {
        return new RejectRecorder(RunContext.of(step, catalog), rejectTable);
    }

    @Bean
    @StepScope
    StepExecutionListener ingestReconciliation(@Value("#{stepExecution}") StepExecution step, RejectTable rejectTable) {
        RunContext run = RunContext.of(step, catalog);
        return new IngestReconciliation(run, jdbc, SourceTables.of(run.pipeline()), rejectTable);
    }

    @Bean
    RejectTable rejectTable() {
        return new RejectTable(jdbc);
    }
}
