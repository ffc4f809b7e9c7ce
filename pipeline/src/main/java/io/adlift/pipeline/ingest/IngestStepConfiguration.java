package io.adlift.pipeline.ingest;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.progress.ProgressDisplay;
import io.adlift.pipeline.storage.RowSink;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.pipeline.split.SplitStrategy;
import io.adlift.steps.ingest.SourceFormat;
import org.springframework.batch.core.configuration.annotation.StepScope;
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
 * The {@code ingest} step: a chunk step whose processor records a rejected record and filters it
 * out, so Spring Batch's counts read the truth: read = written (staged) + filtered (rejected). It is
 * not fault-tolerant on purpose: a rejected record is an expected outcome, not a failure to skip,
 * and a fault-tolerant step pays for its scanning on every chunk. Its components are step-scoped:
 * each run binds its own pipeline and input files.
 */
@Configuration(proxyBeanMethods = false)
class IngestStepConfiguration {

    private final PipelineCatalog catalog;
    private final JdbcTemplate jdbc;


    /**
     * Records per transaction: what a crash can lose and a restart redoes at most. Ten thousand keeps
     * a chunk's rows a few megabytes while making the per-chunk commit and bookkeeping negligible.
     */
    private final int chunkSize;

    IngestStepConfiguration(PipelineCatalog catalog, JdbcTemplate jdbc,
            @Value("${adlift.ingest.chunk-size:10000}") int chunkSize) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
    }

    @Bean
    Step ingest(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SourcesReader ingestReader, StagingWriter ingestWriter,
            StepExecutionListener ingestReconciliation, ProgressDisplay progressDisplay) {
        return new StepBuilder("ingest", jobRepository)
                .<SourceItem, StagedRow>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(ingestReader)
                .processor(new TypingProcessor())
                .writer(ingestWriter)
                .listener(ingestReconciliation)
                .listener(new IngestProgress(ingestReader, progressDisplay))
                .build();
    }

    @Bean
    @StepScope
    SourcesReader ingestReader(@Value("#{stepExecution}") StepExecution step,
            StrategyRegistry<SourceFormat> sourceFormats, RejectTable rejectTable,
            StrategyRegistry<SplitStrategy> splitStrategies) {
        RunContext run = RunContext.of(step, catalog);
        return new SourcesReader(run, sourceFormats, new RejectRecorder(run, rejectTable),
                IngestSplit.of(run.pipeline(), splitStrategies));
    }

    @Bean
    @StepScope
    StagingWriter ingestWriter(@Value("#{stepExecution}") StepExecution step, RowSink rowSink) {
        return new StagingWriter(rowSink, SourceTables.of(RunContext.of(step, catalog).pipeline()));
    }

    @Bean
    @StepScope
    StepExecutionListener ingestReconciliation(@Value("#{stepExecution}") StepExecution step, RejectTable rejectTable,
            RowSink rowSink) {
        RunContext run = RunContext.of(step, catalog);
        return new IngestReconciliation(run, jdbc, SourceTables.of(run.pipeline()), rejectTable, rowSink);
    }

    @Bean
    RejectTable rejectTable() {
        return new RejectTable(jdbc);
    }
}
