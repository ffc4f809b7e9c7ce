package io.adlift.pipeline.model;

import io.adlift.pipeline.run.RunContext;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.train.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed champion's metrics on this run's test rows, so that the gate compares the new model
 * with it on equal terms. Empty when there is no champion yet, or when it cannot read these rows (its
 * files are gone, or it was trained on features this run's data does not have); the gate then rests on
 * its absolute thresholds, and the log says why.
 */
final class ChampionScore {

    private static final Logger LOG = LoggerFactory.getLogger(ChampionScore.class);

    /** The champion's version, stored with its metrics. */
    static final String VERSION = "version";

    private final DeploymentTable deployments;
    private final ModelFiles files;

    ChampionScore(DeploymentTable deployments, ModelFiles files) {
        this.deployments = deployments;
        this.files = files;
    }

    Optional<Map<String, Double>> score(RunContext run, List<Function<String, Object>> testRows, String target,
            BiFunction<float[], float[], Map<String, Double>> metrics) {
        Optional<DeploymentTable.Deployment> champion = deployments.champion(run.pipeline().modelName(), run.jobInstanceId());
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Path.of(champion.get().modelPath());
        if (!Files.isRegularFile(dir.resolve(ModelFiles.MODEL))) {
            LOG.warn("The champion (version {}) has no model file in {}; the gate uses its thresholds only",
                    champion.get().version(), dir);
            return Optional.empty();
        }
        try {
            FeatureEncoding encoding = files.readEncoding(dir);
            try (TrainedModel model = TrainedModel.loadJson(dir.resolve(ModelFiles.MODEL), encoding.names())) {
                Map<String, Double> scored = new LinkedHashMap<>(metrics.apply(ModelRows.labels(target, testRows),
                        model.predict(ModelRows.matrix(encoding, testRows))));
                scored.put(VERSION, (double) champion.get().version());
                return Optional.of(scored);
            }
        } catch (RuntimeException e) {
            LOG.warn("The champion (version {}) cannot score this run's test rows ({}); the gate uses its thresholds only",
                    champion.get().version(), e.getMessage());
            return Optional.empty();
        }
    }
}
