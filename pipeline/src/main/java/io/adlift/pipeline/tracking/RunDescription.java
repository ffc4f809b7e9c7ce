package io.adlift.pipeline.tracking;

import io.adlift.pipeline.definition.Pipeline;

/**
 * Descriptions as MLflow shows them (Markdown): a run's on its page (what the pipeline is, which data the run is of,
 * where its definition is among the run's artifacts) and a registered model's on the model's page.
 */
public final class RunDescription {

    private RunDescription() {
    }

    static String of(Pipeline pipeline, RunIdentity run) {
        String about = pipeline.definition().description();
        StringBuilder text = new StringBuilder("**").append(run.pipeline()).append("**");
        if (about != null && !about.isBlank()) {
            text.append(": ").append(about.strip());
        }
        text.append("\n\nAdlift run of the data of ").append(run.businessDate())
                .append(" (job instance ").append(run.jobInstanceId())
                .append(", execution ").append(run.jobExecutionId())
                .append("), input fingerprint `").append(run.inputFingerprint())
                .append("`. The definition it ran is the artifact `pipeline/").append(pipeline.file().getFileName())
                .append("`; when it trains a model, the tag `adlift.decision` says whether that model was deployed.");
        return text.toString();
    }

    /** The registered model of {@code pipeline}: what it is a model of, and what its aliases mean. */
    public static String model(Pipeline pipeline) {
        String about = pipeline.definition().description();
        String kind = pipeline.definition().kind().name().toLowerCase(java.util.Locale.ROOT);
        return "Models of the Adlift pipeline **" + pipeline.name() + "**"
                + (about == null || about.isBlank() ? "" : ": " + about.strip())
                + ". Target: `" + pipeline.definition().target() + "` (" + kind + ")."
                + " Alias `champion`: the version deployed last; `challenger`: the last one the gate refused."
                + " Each version's run carries the decision (tags `adlift.decision`, `adlift.decision.reason`).";
    }
}
