package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.StrategyNeeds;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.progress.ProgressDisplay;
import io.adlift.pipeline.tracking.RunTracking;
import io.adlift.steps.train.Trainer;
import io.adlift.steps.train.BoosterMode;
import io.adlift.steps.train.XgboostTrainer;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** The {@code train}, {@code evaluate} and {@code deploy} steps, with the trainers and deployers a definition can name. */
@Configuration(proxyBeanMethods = false)
class ModelStepsConfiguration {

    @Bean
    static StrategyRegistry<Trainer> trainers() {
        // "xgboost" is the trees strategy under the name definitions used before there were three
        return new StrategyRegistry<>("trainer", List.of(new XgboostTrainer(), new XgboostTrainer("trees", BoosterMode.TREES),
                new XgboostTrainer("linear", BoosterMode.LINEAR), new XgboostTrainer("forest", BoosterMode.FOREST)),
                Trainer::name);
    }

    @Bean
    static StrategyRegistry<ModelDataset> modelDatasets() {
        return new StrategyRegistry<>("model dataset", List.of(new SourceDataset(), new CampaignRollupDataset()),
                ModelDataset::name);
    }

    @Bean
    static StrategyNeeds modelDatasetNeeds(StrategyRegistry<ModelDataset> modelDatasets) {
        return new StrategyNeeds(StrategyNeeds.Kind.MODEL_DATASET, modelDatasets.names().stream()
                .collect(java.util.stream.Collectors.toMap(n -> n, n -> modelDatasets.get(n).needs())));
    }

    @Bean
    ModelRows modelRows(JdbcTemplate jdbc, StrategyRegistry<ModelDataset> modelDatasets) {
        return new ModelRows(jdbc, modelDatasets);
    }

    @Bean
    ModelFiles modelFiles(@Value("${adlift.data-dir}") Path dataDir, JsonMapper jsonMapper) {
        return new ModelFiles(dataDir, jsonMapper);
    }

    @Bean
    StrategyRegistry<Deployer> deployers(ModelFiles modelFiles) {
        return new StrategyRegistry<>("deployer", List.of(new LocalDirectoryDeployer(modelFiles)), Deployer::name);
    }

    @Bean
    MetricsTable metricsTable(JdbcTemplate jdbc) {
        return new MetricsTable(jdbc);
    }

    @Bean
    TrialTable trialTable(JdbcTemplate jdbc, JsonMapper jsonMapper) {
        return new TrialTable(jdbc, jsonMapper);
    }

    @Bean
    DeploymentTable deploymentTable(JdbcTemplate jdbc) {
        return new DeploymentTable(jdbc);
    }

    @Bean
    Step train(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineCatalog catalog,
            StrategyRegistry<Trainer> trainers, ModelRows modelRows, ModelFiles modelFiles, RunTracking tracking,
            ProgressDisplay progressDisplay, TrialTable trialTable) {
        return new StepBuilder("train", jobRepository)
                .tasklet(new TrainTasklet(catalog, trainers, modelRows, modelFiles, tracking, progressDisplay, trialTable),
                        transactionManager)
                .build();
    }

    @Bean
    Step evaluate(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineCatalog catalog,
            ModelRows modelRows, JdbcTemplate jdbc, ModelFiles modelFiles, MetricsTable metricsTable, RunTracking tracking,
            DeploymentTable deploymentTable, StrategyRegistry<Trainer> trainers, TrialTable trialTable) {
        return new StepBuilder("evaluate", jobRepository)
                .tasklet(new EvaluateTasklet(catalog, modelRows, modelFiles, metricsTable, tracking, jdbc,
                        new ChampionScore(deploymentTable, modelFiles), new ModelCrossValidation(trainers), trialTable),
                        transactionManager)
                .build();
    }

    @Bean
    Step deploy(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineCatalog catalog,
            StrategyRegistry<Deployer> deployers, ModelFiles modelFiles, MetricsTable metricsTable,
            DeploymentTable deploymentTable, @Value("${adlift.version:0.1.0-SNAPSHOT}") String adliftVersion,
            RunTracking tracking) {
        return new StepBuilder("deploy", jobRepository)
                .tasklet(new DeployTasklet(catalog, deployers, modelFiles, metricsTable, deploymentTable, adliftVersion,
                        tracking),
                        transactionManager)
                .build();
    }
}
