package io.adlift.pipeline.model;

import io.adlift.steps.deploy.MlflowModelDirectory;
import io.adlift.steps.deploy.ModelProvenance;
import io.adlift.steps.deploy.RawInputs;
import io.adlift.steps.train.TrainedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.util.FileSystemUtils;

/**
 * {@code local}: the model in MLflow's model directory format under
 * {@code <data-dir>/models/<model name>/<version>/}, loadable by Python's {@code mlflow.xgboost}.
 */
final class LocalDirectoryDeployer implements Deployer {

    private final ModelFiles files;

    LocalDirectoryDeployer(ModelFiles files) {
        this.files = files;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Path deploy(String modelName, int version, TrainedModel model, Path encodingFile, ModelProvenance provenance,
            RawInputs raw) {
        Path dir = files.modelsDir().resolve(modelName).resolve(Integer.toString(version));
        try {
            deleteLeftovers(dir);
            Files.createDirectories(dir.getParent());
            MlflowModelDirectory.write(dir, model, provenance, raw);
            Files.copy(encodingFile, dir.resolve(encodingFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deploy the model to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** A version folder without a deployment record is what a crashed attempt left: it is ours to replace. */
    private static void deleteLeftovers(Path dir) throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }
}
