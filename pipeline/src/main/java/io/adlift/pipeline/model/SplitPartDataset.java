package io.adlift.pipeline.model;

import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.tracking.DatasetInput;
import io.adlift.steps.split.SplitLabel;
import org.springframework.batch.core.step.StepContribution;

/** One part of the split's source (the training or the test rows), as the run's tracked dataset. */
final class SplitPartDataset {

    private SplitPartDataset() {
    }

    /** {@code part} of the split's source, {@code rows} long, as the run's dataset for {@code context}. */
    static DatasetInput of(RunContext run, StepContribution contribution, SplitLabel part, long rows, String context) {
        String source = run.pipeline().resolveSource(run.pipeline().steps().split().source());
        return DatasetInput.ofSplit(run.pipeline().name(), run.pipeline().schema(source), run.input(source),
                contribution.getStepExecution().getJobExecution().getJobParameters().getString(RunContext.INPUT_FINGERPRINT),
                part.code(), rows, context);
    }
}
