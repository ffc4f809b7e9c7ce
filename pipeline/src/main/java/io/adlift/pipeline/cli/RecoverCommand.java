package io.adlift.pipeline.cli;

import io.adlift.pipeline.job.RunOperations;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Mark a run whose process was killed hard (it stays STARTED) as FAILED, so that it can be "
                + "restarted. Refuses while the run's process is alive.")
class RecoverCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The run to recover.")
    private long executionId;

    @Option(names = "--force", description = "Recover even though the run's process cannot be checked (another host).")
    private boolean force;

    private final RunOperations operations;

    RecoverCommand(RunOperations operations) {
        this.operations = operations;
    }

    @Override
    public Integer call() {
        JobExecution recovered = operations.recover(operations.execution(executionId), force);
        spec.commandLine().getOut().printf("Run %d is now %s; resume it with 'adlift restart %d'.%n", recovered.getId(),
                recovered.getStatus(), recovered.getId());
        spec.commandLine().getOut().flush();
        return ExitCode.COMPLETED.code();
    }
}
