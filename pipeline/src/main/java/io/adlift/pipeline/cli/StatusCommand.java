package io.adlift.pipeline.cli;

import io.adlift.pipeline.job.RunOperations;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

@Component
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show one run: each step's status, counts and duration, the model metrics and the deploy decision.")
class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXECUTION_ID", description = "A run's execution id (default: the latest run).")
    private Long executionId;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    private final Executions executions;
    private final RunOperations operations;
    private final RunReport reports;
    private final JsonMapper mapper;

    StatusCommand(Executions executions, RunOperations operations, RunReport reports, JsonMapper mapper) {
        this.executions = executions;
        this.operations = operations;
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        JobExecution execution;
        if (executionId != null) {
            execution = operations.execution(executionId);
        } else {
            List<JobExecution> latest = executions.recent(null, 1);
            if (latest.isEmpty()) {
                spec.commandLine().getErr().println("No runs yet; start one with 'adlift run'.");
                return ExitCode.USAGE.code();
            }
            execution = latest.get(0);
        }
        RunReport.Report report = reports.of(execution);
        if (json) {
            spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            spec.commandLine().getOut().flush();
        } else {
            ReportPrinter.print(report, spec.commandLine().getOut());
        }
        return ExitCode.COMPLETED.code();
    }
}
