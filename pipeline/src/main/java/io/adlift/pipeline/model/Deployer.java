package io.adlift.pipeline.model;

import io.adlift.steps.deploy.ModelProvenance;
import io.adlift.steps.deploy.RawInputs;
import io.adlift.steps.train.TrainedModel;
import java.nio.file.Path;

/** A deploy target named in {@code steps.deploy.strategy}. */
public interface Deployer {

    String name();

    /**
     * Publishes {@code model} as version {@code version} of {@code modelName} and returns where it went.
     * Called again with the same version after a crash, it must replace what that attempt left.
     */
    Path deploy(String modelName, int version, TrainedModel model, Path encodingFile, ModelProvenance provenance,
            RawInputs raw);
}
