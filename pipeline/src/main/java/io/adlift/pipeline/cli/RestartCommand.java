package io.adlift.pipeline.cli;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.job.RunOperations;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart a failed or stopped run: completed steps are skipped, the failed step resumes "
                + "(ingest after its last committed chunk).")
class RestartCommand implements Callable<Integer> {

    static final class Target {
        @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The run to restart.")
        Long executionId;

        @Option(names = "--last-failed", description = "The latest failed or stopped run (of --pipeline, if given).")
        boolean lastFailed;
    }

    /** How many recent runs --last-failed looks through. */
    private static final int LAST_FAILED_SEARCH = 1000;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--pipeline", paramLabel = "PIPELINE", description = "With --last-failed: only this pipeline's runs.")
    private String pipeline;

    private final RunOperations operations;
    private final Executions executions;
    private final RunReport reports;

    RestartCommand(RunOperations operations, Executions executions, RunReport reports) {
        this.operations = operations;
        this.executions = executions;
        this.reports = reports;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution execution = target.lastFailed ? lastFailed() : operations.execution(target.executionId);
        JobExecution restarted = operations.restart(execution);
        RunReport.Report report = reports.of(restarted);
        ReportPrinter.print(report, spec.commandLine().getOut());
        return RunReport.exitCode(restarted, report).code();
    }

    private JobExecution lastFailed() {
        return executions.recent(pipeline, LAST_FAILED_SEARCH).stream()
                .filter(e -> e.getStatus().name().equals("FAILED") || e.getStatus().name().equals("STOPPED"))
                .filter(executions::isLatestOfItsInstance)
                .findFirst()
                .orElseThrow(() -> new DefinitionException(List.of("no failed or stopped run to restart"
                        + (pipeline == null ? "" : " for pipeline '" + pipeline + "'"))));
    }
}
