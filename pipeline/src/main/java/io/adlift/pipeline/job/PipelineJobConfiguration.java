package io.adlift.pipeline.job;

import io.adlift.pipeline.model.DeployExit;
import io.adlift.pipeline.tracking.RunTracking;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The two pipeline shapes. A model pipeline computes its KPIs in parallel with the ML branch:
 * <pre>
 * ingest ─> clean ─┬─> kpi
 *                  └─> split ─> train ─> evaluate ─> deploy
 * </pre>
 * A KPI-only pipeline stops after {@code kpi}. No incrementer: the same parameters after a failure
 * must restart the failed instance (see DESIGN.md).
 */
@Configuration(proxyBeanMethods = false)
public class PipelineJobConfiguration {

    static final String MODEL_PIPELINE = "model-pipeline";
    static final String KPI_PIPELINE = "kpi-pipeline";

    @Bean
    Job modelPipeline(JobRepository jobRepository, RunProcesses runProcesses, LaunchLock launchLock,
            StopOnShutdown stopOnShutdown,
            FailureReason failureReason, RunTracking runTracking, Step ingest,
            Step clean, Step kpi, Step split, Step train, Step evaluate, Step deploy) {
        Flow kpiBranch = new FlowBuilder<SimpleFlow>("kpi-branch").start(kpi).build();
        // A model the gate refused is a completed run, not a failed one: deploy says so in its exit code.
        Flow modelBranch = new FlowBuilder<SimpleFlow>("model-branch")
                .start(split).next(train).next(evaluate).next(deploy)
                .from(deploy).on(DeployExit.NOT_DEPLOYED).end()
                .from(deploy).on("COMPLETED").end()
                .from(deploy).on("*").fail()
                .build();
        Flow branches = new FlowBuilder<SimpleFlow>("branches")
                .split(new SimpleAsyncTaskExecutor("branch-")).add(kpiBranch, modelBranch)
                .build();
        return new JobBuilder(MODEL_PIPELINE, jobRepository)
                // First: the execution is recorded as started, so the lock is released before any other work.
                .listener(launchLock)
                .listener(runProcesses)
                .listener(stopOnShutdown)
                .listener(failureReason)
                .listener(runTracking)
                .flow(ingest)
                .next(clean)
                .next(branches)
                .end()
                .build();
    }

    @Bean
    Job kpiPipeline(JobRepository jobRepository, RunProcesses runProcesses, LaunchLock launchLock,
            StopOnShutdown stopOnShutdown,
            FailureReason failureReason, RunTracking runTracking,
            Step ingest, Step clean, Step kpi) {
        return new JobBuilder(KPI_PIPELINE, jobRepository)
                // First: the execution is recorded as started, so the lock is released before any other work.
                .listener(launchLock)
                .listener(runProcesses)
                .listener(stopOnShutdown)
                .listener(failureReason)
                .listener(runTracking)
                .start(ingest)
                .next(clean)
                .next(kpi)
                .build();
    }
}
