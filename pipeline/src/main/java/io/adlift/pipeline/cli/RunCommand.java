package io.adlift.pipeline.cli;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.job.LaunchOutcome;
import io.adlift.pipeline.job.PipelineLauncher;
import io.adlift.pipeline.job.RunOperations;
import io.adlift.pipeline.job.RunRequest;
import io.adlift.pipeline.kpi.KpiLineage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a pipeline on its input files. The same command after a failure resumes the failed run; "
                + "after a success it does nothing.")
class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "A pipeline defined in config/pipelines (see 'adlift pipelines').")
    private String pipeline;

    @Option(names = "--input", paramLabel = "[SOURCE=]PATH", required = true,
            description = "An input file; SOURCE=PATH for pipelines with several sources, else in source order; or one "
                    + "folder holding <source>.csv for every source.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--business-date", paramLabel = "YYYY-MM-DD", description = "The business date of the data (default: today).")
    private LocalDate businessDate;

    @Option(names = "--rerun", description = "Start a fresh run even if this pipeline, date and input already completed; "
            + "replaces that date's KPI rows.")
    private boolean rerun;

    private final PipelineCatalog catalog;
    private final PipelineLauncher launcher;
    private final RunReport reports;
    private final RunOperations operations;
    private final KpiLineage kpiLineage;

    RunCommand(PipelineCatalog catalog, PipelineLauncher launcher, RunReport reports, RunOperations operations,
            KpiLineage kpiLineage) {
        this.catalog = catalog;
        this.launcher = launcher;
        this.reports = reports;
        this.operations = operations;
        this.kpiLineage = kpiLineage;
    }

    @Override
    public Integer call() throws Exception {
        Pipeline definition = catalog.get(pipeline);
        RunRequest request = new RunRequest(pipeline, bySource(definition), businessDate == null ? LocalDate.now() : businessDate,
                rerun);
        LaunchOutcome outcome = launcher.launch(request);
        var out = spec.commandLine().getOut();
        RunReport.Report report = reports.of(outcome.execution());
        switch (outcome.kind()) {
            case ALREADY_COMPLETED -> {
                out.printf("Already completed: %s for %s with this input (run %d). Nothing to do; use --rerun to run it again.%n",
                        pipeline, request.businessDate(), outcome.execution().getId());
                if (kpiLineage.replacedByAnotherRun(pipeline, request.businessDate(),
                        outcome.execution().getJobInstance().getInstanceId())) {
                    out.printf("Note: the KPI rows of %s have since been written by another run (other input); "
                            + "use --rerun to write them from this input again.%n", request.businessDate());
                }
                out.flush();
                return ExitCode.COMPLETED.code();
            }
            case ALREADY_RUNNING -> {
                spec.commandLine().getErr().printf("adlift: already running: %s.%n",
                        operations.runningMessage(outcome.execution()));
                return ExitCode.ALREADY_RUNNING.code();
            }
            default -> {
                ReportPrinter.print(report, out);
                return RunReport.exitCode(outcome.execution(), report).code();
            }
        }
    }

    private Map<String, Path> bySource(Pipeline definition) {
        return InputArguments.bySource(pipeline, definition.sourceNames(), inputs);
    }
}
