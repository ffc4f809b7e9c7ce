package io.adlift.pipeline.job;

import io.adlift.pipeline.model.DeploymentTable.Deployment;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;

/**
 * What became of a run, as one phrase for people: "completed, not deployed: &lt;criterion&gt;" for a
 * run whose gate refused its model, "completed, deployed (version 3)" when it deployed, "completed"
 * for a KPI-only run, else the batch status ("failed", "stopped", …). The decision is what the deploy
 * step recorded from its gate result ({@code deployment} table), the same result it tags the MLflow
 * run with, so the summary, {@code runs}, {@code status} and the dashboard's history all say the same.
 *
 * @param status   the batch status, as Spring Batch names it (COMPLETED, FAILED, …)
 * @param decision the deploy step's decision (refused, deployed, deployed-unvalidated), or null when
 *                 the run has no model or has not reached the deploy step
 * @param reason   the gate's criteria: those that failed when it refused, else those that held
 * @param version  the deployed version, or null
 */
public record RunOutcome(String status, String decision, String reason, Integer version) {

    public static RunOutcome of(BatchStatus status, Optional<Deployment> deployment) {
        return new RunOutcome(status.name(), deployment.map(Deployment::decision).orElse(null),
                deployment.map(Deployment::reasons).orElse(null), deployment.map(Deployment::version).orElse(null));
    }

    /** Completed with a model the gate refused: exit code 5. */
    public boolean notDeployed() {
        return completed() && "refused".equals(decision);
    }

    public boolean completed() {
        return BatchStatus.COMPLETED.name().equals(status);
    }

    /** The phrase; also what {@code runs --json} and {@code status --json} carry as {@code outcome}. */
    @JsonValue
    public String text() {
        if (!completed()) {
            return status.toLowerCase(Locale.ROOT);
        }
        if (decision == null) {
            return "completed";
        }
        String criteria = reason == null || reason.isBlank() ? "" : ": " + reason;
        return switch (decision) {
            case "refused" -> "completed, not deployed" + criteria;
            case "deployed-unvalidated" -> "completed, deployed version " + version + " although the gate refused it"
                    + criteria;
            default -> "completed, deployed" + (version == null ? "" : " (version " + version + ")");
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
