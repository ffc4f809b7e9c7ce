package io.adlift.pipeline.cli;

import io.adlift.pipeline.job.RunOutcome;
import io.adlift.pipeline.model.DeploymentTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

@Component
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List recent runs, newest first.")
class RunsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--pipeline", paramLabel = "PIPELINE", description = "Only this pipeline's runs.")
    private String pipeline;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many runs (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    private final Executions executions;
    private final DeploymentTable deployments;
    private final JsonMapper mapper;

    RunsCommand(Executions executions, DeploymentTable deployments, JsonMapper mapper) {
        this.executions = executions;
        this.deployments = deployments;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JobExecution e : executions.recent(pipeline, limit)) {
            List<Long> lineage = executions.lineage(e).stream().map(JobExecution::getId).toList();
            int attempt = lineage.indexOf(e.getId()) + 1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("executionId", e.getId());
            row.put("instanceId", e.getJobInstance().getInstanceId());
            row.put("attempt", attempt);
            row.put("restartOf", attempt > 1 ? lineage.get(attempt - 2) : null);
            row.put("pipeline", e.getJobParameters().getString("pipeline"));
            row.put("businessDate", String.valueOf(e.getJobParameters().getLocalDate("businessDate")));
            row.put("status", e.getStatus().name());
            row.put("outcome", RunOutcome.of(e.getStatus(), deployments.of(e.getJobInstance().getInstanceId())));
            row.put("exitCode", e.getExitStatus().getExitCode());
            row.put("startTime", String.valueOf(e.getStartTime()));
            row.put("endTime", String.valueOf(e.getEndTime()));
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else if (rows.isEmpty()) {
            out.println("No runs yet.");
        } else {
            // the outcome last: a refused run's names the gate's criterion, which can be long
            String format = "%-10s %-9s %-8s %-11s %-22s %-12s %-27s %s%n";
            out.printf(format, "EXECUTION", "INSTANCE", "ATTEMPT", "RESTART-OF", "PIPELINE", "DATE", "STARTED", "OUTCOME");
            rows.forEach(r -> out.printf(format, r.get("executionId"), r.get("instanceId"), r.get("attempt"),
                    r.get("restartOf") == null ? "-" : r.get("restartOf"), r.get("pipeline"), r.get("businessDate"),
                    r.get("startTime"), r.get("outcome")));
        }
        out.flush();
        return ExitCode.COMPLETED.code();
    }
}
