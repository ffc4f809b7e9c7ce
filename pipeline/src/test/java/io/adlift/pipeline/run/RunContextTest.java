package io.adlift.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlift.pipeline.definition.ShippedPipelines;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

class RunContextTest {

    private static StepExecution step(JobParameters params) {
        JobExecution job = new JobExecution(12L, new JobInstance(7L, "model-pipeline"), params);
        return new StepExecution(3L, "train", job);
    }

    @Test
    void shouldReadTheRunFromTheJobParameters() {
        JobParameters params = new JobParametersBuilder()
                .addString(RunContext.PIPELINE, "ad-conversions")
                .addLocalDate(RunContext.BUSINESS_DATE, LocalDate.of(2026, 3, 1))
                .addString(RunContext.INPUT_PREFIX + "ads", "/data/ads.csv")
                .addString(RunContext.INPUT_FINGERPRINT, "abc")
                .toJobParameters();

        RunContext run = RunContext.of(step(params), ShippedPipelines.catalog());

        assertThat(run.pipeline().name()).isEqualTo("ad-conversions");
        assertThat(run.businessDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(run.inputs()).isEqualTo(Map.of("ads", Path.of("/data/ads.csv")));
        assertThat(run.input("ads")).isEqualTo(Path.of("/data/ads.csv"));
        assertThat(run.jobInstanceId()).isEqualTo(7L);
        assertThat(run.jobExecutionId()).isEqualTo(12L);
    }

    @Test
    void shouldSayHowToGiveAMissingInputFile() {
        JobParameters params = new JobParametersBuilder()
                .addString(RunContext.PIPELINE, "ad-conversions")
                .addLocalDate(RunContext.BUSINESS_DATE, LocalDate.of(2026, 3, 1))
                .toJobParameters();

        RunContext run = RunContext.of(step(params), ShippedPipelines.catalog());

        assertThat(run.inputs()).isEmpty();
        assertThatThrownBy(() -> run.input("ads")).isInstanceOf(IllegalStateException.class)
                .hasMessage("no input file was given for source 'ads' of pipeline 'ad-conversions'; pass --input ads=PATH");
    }
}
