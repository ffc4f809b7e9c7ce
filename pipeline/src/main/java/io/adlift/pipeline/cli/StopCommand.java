package io.adlift.pipeline.cli;

import io.adlift.pipeline.job.RunOperations;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Ask a running run to stop at its next commit. It ends STOPPED and can be restarted.")
class StopCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The run to stop.")
    private long executionId;

    private final RunOperations operations;

    StopCommand(RunOperations operations) {
        this.operations = operations;
    }

    @Override
    public Integer call() throws Exception {
        operations.stop(operations.execution(executionId));
        spec.commandLine().getOut().printf("Stop requested: run %d stops at its next commit; 'adlift status %d' shows "
                + "when it has.%n", executionId, executionId);
        spec.commandLine().getOut().flush();
        return ExitCode.COMPLETED.code();
    }
}
