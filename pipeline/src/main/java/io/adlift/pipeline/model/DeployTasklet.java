package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.job.PipelineJobConfiguration;
import io.adlift.pipeline.job.RunContext;
import io.adlift.steps.deploy.ModelProvenance;
import io.adlift.steps.evaluate.Gate;
import io.adlift.steps.evaluate.GateCriterion;
import io.adlift.steps.evaluate.GateDecision;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.train.TrainedModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Deploys the model when the gate passed (or the definition allows unvalidated models) as the next
 * version of the pipeline's model, with its provenance, and records the decision either way. A
 * refused model ends the step with exit code {@value PipelineJobConfiguration#NOT_DEPLOYED}.
 */
final class DeployTasklet implements Tasklet {

    private final PipelineCatalog catalog;
    private final StrategyRegistry<Deployer> deployers;
    private final ModelFiles files;
    private final MetricsTable metrics;
    private final DeploymentTable deployments;
    private final String adliftVersion;

    DeployTasklet(PipelineCatalog catalog, StrategyRegistry<Deployer> deployers, ModelFiles files, MetricsTable metrics,
            DeploymentTable deployments, String adliftVersion) {
        this.catalog = catalog;
        this.deployers = deployers;
        this.files = files;
        this.metrics = metrics;
        this.deployments = deployments;
        this.adliftVersion = adliftVersion;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        PipelineDefinition.Deploy settings = run.pipeline().steps().deploy();
        GateDecision decision = gate(run);
        boolean passed = decision.passed();
        String reasons = String.join("; ", decision.reasons());
        String modelName = run.pipeline().modelName();
        if (!passed && !settings.allowNonValidated()) {
            deployments.record(run, modelName, null, "refused", reasons, null);
            contribution.setExitStatus(new ExitStatus(PipelineJobConfiguration.NOT_DEPLOYED, "gate refused the model: " + reasons));
            return RepeatStatus.FINISHED;
        }
        Path runDir = files.runDir(run.pipeline().name(), run.jobInstanceId());
        FeatureEncoding encoding = files.readEncoding(runDir);
        // The version is reserved (unique per model) in this step's transaction before any file is written,
        // so two runs deploying at once cannot write the same version.
        int version = deployments.nextVersion(modelName);
        deployments.record(run, modelName, version, passed ? "deployed" : "deployed-unvalidated", reasons, null);
        Path deployed;
        try (TrainedModel model = TrainedModel.loadJson(runDir.resolve(ModelFiles.MODEL), encoding.names())) {
            deployed = deployers.get(settings.strategy()).deploy(modelName, version, model,
                    runDir.resolve(ModelFiles.ENCODING), provenance(run, contribution));
        }
        deployments.recordPath(run, deployed);
        contribution.getStepExecution().getExecutionContext().putString("deploy.path", deployed.toString());
        return RepeatStatus.FINISHED;
    }

    /**
     * The gate applied to the test metrics {@code evaluate} committed: recomputed here rather than passed
     * along, so a restart of deploy decides exactly as evaluate's numbers say.
     */
    private GateDecision gate(RunContext run) {
        Map<String, Double> test = new LinkedHashMap<>();
        metrics.of(run.jobInstanceId()).forEach((k, v) -> {
            if (k.startsWith("test.")) {
                test.put(k.substring("test.".length()), v);
            }
        });
        if (test.isEmpty()) {
            throw new IllegalStateException("no evaluation metrics for this run: evaluate must complete before deploy");
        }
        List<GateCriterion> criteria = run.pipeline().steps().evaluate().gate();
        return new Gate(criteria == null ? List.of() : criteria).decide(test);
    }

    private ModelProvenance provenance(RunContext run, StepContribution contribution) {
        PipelineDefinition.Train train = run.pipeline().steps().train();
        Map<String, String> params = new LinkedHashMap<>(TrainTasklet.xgboostParams(train.params()));
        params.put("rounds", Integer.toString(train.rounds()));
        params.put("strategy", train.strategy());
        Map<String, Double> scores = new LinkedHashMap<>();
        metrics.of(run.jobInstanceId()).forEach((k, v) -> {
            if (!v.isNaN()) {
                scores.put(k, v);
            }
        });
        String fingerprint = contribution.getStepExecution().getJobExecution().getJobParameters()
                .getString(RunContext.INPUT_FINGERPRINT);
        return new ModelProvenance(run.pipeline().name(), run.businessDate().toString(), run.jobExecutionId(),
                fingerprint, train.seed(), run.pipeline().configHash(), adliftVersion, params, scores);
    }
}
