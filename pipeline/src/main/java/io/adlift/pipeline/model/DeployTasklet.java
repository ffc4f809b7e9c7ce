package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.tracking.DecisionTags;
import io.adlift.pipeline.tracking.RunDescription;
import io.adlift.pipeline.tracking.RunTracking;
import io.adlift.pipeline.tracking.TrackedRun;
import io.adlift.steps.deploy.MlflowModelDirectory;
import io.adlift.steps.deploy.ModelProvenance;
import io.adlift.steps.evaluate.ChampionComparison;
import io.adlift.steps.evaluate.Gate;
import io.adlift.steps.evaluate.GateCriterion;
import io.adlift.steps.evaluate.GateDecision;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.train.TrainedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.FileSystemUtils;

/**
 * Deploys the model when the gate passed (or the definition allows unvalidated models) as the next
 * version of the pipeline's model, with its provenance, and records the decision either way. A
 * refused model ends the step with exit code {@value DeployExit#NOT_DEPLOYED}.
 *
 * <p>Either way, the model goes to the tracked run as its {@code model} artifact (an MLflow model
 * directory) and, with a tracker that has a registry (MLflow), becomes a registered version of the
 * model: alias {@value #CHAMPION} when it is deployed, {@value #CHALLENGER} when the gate refused it.
 * The tracker comes first, so a tracking server that fails leaves nothing deployed, and the restarted
 * step finds the version its first attempt registered.
 */
final class DeployTasklet implements Tasklet {

    static final String CHAMPION = "champion";
    static final String CHALLENGER = "challenger";
    /** Where the MLflow model directory is staged in the run's folder before it is logged. */
    static final String TRACKED_MODEL_DIR = "mlflow-model";

    private final PipelineCatalog catalog;
    private final StrategyRegistry<Deployer> deployers;
    private final ModelFiles files;
    private final MetricsTable metrics;
    private final DeploymentTable deployments;
    private final String adliftVersion;
    private final RunTracking tracking;

    DeployTasklet(PipelineCatalog catalog, StrategyRegistry<Deployer> deployers, ModelFiles files, MetricsTable metrics,
            DeploymentTable deployments, String adliftVersion, RunTracking tracking) {
        this.catalog = catalog;
        this.deployers = deployers;
        this.files = files;
        this.metrics = metrics;
        this.deployments = deployments;
        this.adliftVersion = adliftVersion;
        this.tracking = tracking;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        PipelineDefinition.Deploy settings = run.pipeline().steps().deploy();
        GateDecision decision = gate(run);
        boolean passed = decision.passed();
        String reasons = String.join("; ", decision.reasons());
        String modelName = run.pipeline().modelName();
        boolean deploy = passed || settings.allowNonValidated();
        Path runDir = files.runDir(run.pipeline().name(), run.jobInstanceId());
        FeatureEncoding encoding = files.readEncoding(runDir);
        ModelProvenance provenance = provenance(run, contribution);
        try (TrainedModel model = TrainedModel.loadJson(runDir.resolve(ModelFiles.MODEL), encoding.names())) {
            track(contribution, runDir, model, provenance, modelName, deploy ? CHAMPION : CHALLENGER, decision);
            if (!deploy) {
                deployments.record(run, modelName, null, "refused", reasons, null);
                tracking.of(contribution.getStepExecution()).setTags(DecisionTags.of(decision, false));
                contribution.setExitStatus(new ExitStatus(DeployExit.NOT_DEPLOYED,
                        "gate refused the model: " + reasons));
                return RepeatStatus.FINISHED;
            }
            // The version is reserved (unique per model) in this step's transaction before any file is written,
            // so two runs deploying at once cannot write the same version.
            int version = deployments.nextVersion(modelName);
            deployments.record(run, modelName, version, passed ? "deployed" : "deployed-unvalidated", reasons, null);
            Path deployed = deployers.get(settings.strategy()).deploy(modelName, version, model,
                    runDir.resolve(ModelFiles.ENCODING), provenance, files.readRawInputs(runDir));
            deployments.recordPath(run, deployed);
            contribution.getStepExecution().getExecutionContext().putString("deploy.path", deployed.toString());
            tracking.of(contribution.getStepExecution()).setTags(DecisionTags.of(decision, true));
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Logs the model to the tracked run as an MLflow model directory and registers it under {@code alias}
     * where the tracker has a registry; the version and alias are kept in the step's context for the
     * run's summary.
     */
    private void track(StepContribution contribution, Path runDir, TrainedModel model, ModelProvenance provenance,
            String modelName, String alias, GateDecision decision) {
        TrackedRun tracked = tracking.of(contribution.getStepExecution());
        Path dir = runDir.resolve(TRACKED_MODEL_DIR);
        try {
            FileSystemUtils.deleteRecursively(dir);
            MlflowModelDirectory.write(dir, model, provenance, files.readRawInputs(runDir));
            Files.copy(runDir.resolve(ModelFiles.ENCODING), dir.resolve(ModelFiles.ENCODING),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model directory " + dir + ": " + e.getMessage(), e);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("adlift.gate", decision.passed() ? "passed" : "refused");
        tags.put("adlift.gate_reasons", String.join("; ", decision.reasons()));
        tags.put("adlift.pipeline", provenance.pipeline());
        tags.put("adlift.business_date", provenance.businessDate());
        long now = System.currentTimeMillis();
        List<TrackedRun.Metric> measured = provenance.metrics().entrySet().stream()
                .filter(e -> e.getKey().startsWith("test.") || e.getKey().startsWith("cv."))
                .map(e -> new TrackedRun.Metric(e.getKey(), e.getValue(), now, 0)).toList();
        String description = provenance.pipeline() + " model trained on the data of " + provenance.businessDate()
                + " (job execution " + provenance.jobExecutionId() + "); gate " + (decision.passed() ? "passed"
                : "refused: " + String.join("; ", decision.reasons()));
        Optional<TrackedRun.RegisteredVersion> registered = tracked.registerModel(new TrackedRun.ModelRegistration(
                modelName, RunDescription.model(catalog.get(provenance.pipeline())), dir, alias, description,
                provenance.params(), measured, tags));
        // after registering, so that the run's copy carries the logged model's id too
        tracked.logArtifacts("model", dir);
        registered.ifPresent(v -> {
            var context = contribution.getStepExecution().getExecutionContext();
            context.putString("deploy.registry-model", v.modelName());
            context.putInt("deploy.registry-version", v.version());
            context.putString("deploy.registry-alias", v.alias());
            context.putString("deploy.registry-uri", v.uri());
            context.putString("deploy.registry-model-id", v.modelId());
        });
    }

    /**
     * The gate applied to the test metrics {@code evaluate} committed: recomputed here rather than passed
     * along, so a restart of deploy decides exactly as evaluate's numbers say.
     */
    private GateDecision gate(RunContext run) {
        Map<String, Double> test = new LinkedHashMap<>();
        Map<String, Double> champion = new LinkedHashMap<>();
        metrics.of(run.jobInstanceId()).forEach((k, v) -> {
            if (k.startsWith("test.")) {
                test.put(k.substring("test.".length()), v);
            } else if (k.startsWith("champion.")) {
                champion.put(k.substring("champion.".length()), v);
            }
        });
        if (test.isEmpty()) {
            throw new IllegalStateException("no evaluation metrics for this run: evaluate must complete before deploy");
        }
        List<GateCriterion> criteria = run.pipeline().steps().evaluate().gate();
        GateDecision absolute = new Gate(criteria == null ? List.of() : criteria).decide(test);
        PipelineDefinition.Champion relative = run.pipeline().steps().evaluate().champion();
        if (relative == null || champion.isEmpty()) {
            return absolute;
        }
        return absolute.and(new ChampionComparison(relative.metric(), relative.margin()).decide(
                test.getOrDefault(relative.metric(), Double.NaN), champion.getOrDefault(relative.metric(), Double.NaN),
                champion.getOrDefault(ChampionScore.VERSION, 0.0).intValue()));
    }

    private ModelProvenance provenance(RunContext run, StepContribution contribution) {
        PipelineDefinition.Train train = run.pipeline().steps().train();
        ModelChoice choice = files.readChoice(files.runDir(run.pipeline().name(), run.jobInstanceId()), run.pipeline());
        Map<String, String> params = new LinkedHashMap<>(choice.params());
        params.put("rounds", Integer.toString(choice.rounds()));
        params.put("strategy", choice.strategy());
        params.put("candidate", choice.candidate());
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
