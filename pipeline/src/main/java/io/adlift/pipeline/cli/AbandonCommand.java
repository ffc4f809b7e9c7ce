package io.adlift.pipeline.cli;

import io.adlift.pipeline.job.RunOperations;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "abandon", mixinStandardHelpOptions = true,
        description = "Give up a failed or stopped run for good: it can no longer be restarted. A fresh run of the "
                + "same pipeline, date and input then needs --rerun.")
class AbandonCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The run to abandon.")
    private long executionId;

    private final RunOperations operations;

    AbandonCommand(RunOperations operations) {
        this.operations = operations;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution abandoned = operations.abandon(operations.execution(executionId));
        spec.commandLine().getOut().printf("Run %d is now %s.%n", abandoned.getId(), abandoned.getStatus());
        spec.commandLine().getOut().flush();
        return ExitCode.COMPLETED.code();
    }
}
