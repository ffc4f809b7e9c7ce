package io.adlift.pipeline.serve.predict;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.model.ModelFiles;
import io.adlift.steps.deploy.MlflowModelDirectory;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.train.TrainedModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import org.springframework.stereotype.Component;

/**
 * The champion of each model: the latest version the {@code deployment} table records as deployed (what
 * the MLflow alias {@code champion} also points at). Looked up on every request, a cheap indexed query,
 * so a newly deployed champion is served from the next request on, without a restart; its files are
 * loaded once per version.
 */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class DeployedModels {

    /** The deployment a model is served from. */
    record Deployment(String modelName, int version, String path) {
    }

    private final JdbcTemplate jdbc;
    private final ModelFiles files;
    private final Map<String, ServedModel> loaded = new HashMap<>();

    DeployedModels(JdbcTemplate jdbc, ModelFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    Optional<Deployment> champion(Pipeline pipeline) {
        return jdbc.query("SELECT model_name, version, model_path FROM deployment WHERE model_name = ? "
                        + "AND version IS NOT NULL AND model_path IS NOT NULL ORDER BY version DESC LIMIT 1",
                (rs, i) -> new Deployment(rs.getString(1), rs.getInt(2), rs.getString(3)), pipeline.modelName())
                .stream().findFirst();
    }

    /** The champion, loaded; empty when no version of the pipeline's model is deployed yet. */
    Optional<ServedModel> current(Pipeline pipeline) {
        Optional<Deployment> champion = champion(pipeline);
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        Deployment d = champion.get();
        synchronized (loaded) {
            ServedModel served = loaded.get(d.modelName());
            if (served != null && served.version() == d.version() && served.path().equals(d.path())) {
                return Optional.of(served);
            }
            ServedModel fresh = load(d);
            loaded.put(d.modelName(), fresh);
            if (served != null) {
                served.close();
            }
            return Optional.of(fresh);
        }
    }

    private ServedModel load(Deployment d) {
        Path dir = Path.of(d.path());
        FeatureEncoding encoding = files.readEncoding(dir);
        TrainedModel model = TrainedModel.loadJson(dir.resolve(MlflowModelDirectory.MODEL_FILE), encoding.names());
        MlflowModelDirectory.Served served = MlflowModelDirectory.readServed(dir);
        return new ServedModel(d.modelName(), d.version(), d.path(), encoding, model, served.intervalHalfWidth(),
                served.columns());
    }
}
