package io.adlift.pipeline.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlflow.api.proto.ModelRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MLflow 3's logged models and the model registry (registered models, their versions and aliases): the official
 * client's typed methods where it has them, its raw requests for what it predates (logged models, versions with a
 * {@code model_id}, aliases).
 */
final class MlflowModels {

    /** An MLflow 3 LoggedModel: its id, where its files go, and whether it is READY. */
    record LoggedModel(String modelId, String artifactUri, String status) {
    }

    private final MlflowConnection connection;

    MlflowModels(MlflowConnection connection) {
        this.connection = connection;
    }

    LoggedModel createLoggedModel(String experimentId, String name, String sourceRunId, String modelType,
            Map<String, String> params, Map<String, String> tags) {
        ObjectNode body = connection.object().put("experiment_id", experimentId).put("name", name)
                .put("source_run_id", sourceRunId).put("model_type", modelType);
        ArrayNode p = body.putArray("params");
        params.entrySet().stream().limit(MlflowClient.MAX_PARAMS_PER_BATCH)
                .forEach(e -> p.addObject().put("key", e.getKey()).put("value", e.getValue()));
        ArrayNode t = body.putArray("tags");
        tags.forEach((k, v) -> t.addObject().put("key", k).put("value", v));
        return loggedModel(connection.post("logged-models", body).path("model"));
    }

    Optional<LoggedModel> loggedModel(String modelId) {
        try {
            return Optional.of(loggedModel(connection.get("logged-models/" + MlflowConnection.encode(modelId), Map.of())
                    .path("model")));
        } catch (MlflowException e) {
            if (e.is("RESOURCE_DOES_NOT_EXIST")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    LoggedModel finalizeLoggedModel(String modelId) {
        ObjectNode body = connection.object().put("model_id", modelId).put("status", "LOGGED_MODEL_READY");
        return loggedModel(connection.patch("logged-models/" + MlflowConnection.encode(modelId), body).path("model"));
    }

    /** Creates registered model {@code name} with {@code description}, or gives an existing one without a description it. */
    void createRegisteredModelIfMissing(String name, String description) {
        try {
            ModelRegistry.RegisteredModel found = connection.call("GET registered-models/get",
                    official -> official.getRegisteredModel(name));
            if (found.getDescription().isBlank()) {
                // a description a person wrote in the UI is kept; only an empty one is filled
                connection.patch("registered-models/update", connection.object().put("name", name)
                        .put("description", description));
            }
            return;
        } catch (MlflowException e) {
            if (!e.is("RESOURCE_DOES_NOT_EXIST")) {
                throw e;
            }
        }
        try {
            connection.post("registered-models/create", connection.object().put("name", name).put("description", description));
        } catch (MlflowException e) {
            if (!e.is("RESOURCE_ALREADY_EXISTS")) {
                throw e;
            }
        }
    }

    /** The versions of {@code name} created from run {@code runId}, oldest first. */
    List<Integer> versionsOfRun(String name, String runId) {
        String filter = "name='" + name.replace("'", "\\'") + "' and run_id='" + runId + "'";
        List<Integer> versions = new ArrayList<>();
        for (ModelRegistry.ModelVersion v : connection.call("GET model-versions/search",
                official -> official.searchModelVersions(filter).getItems())) {
            versions.add(Integer.parseInt(v.getVersion()));
        }
        versions.sort(null);
        return versions;
    }

    /** A version of {@code name} made from a logged model ({@code source models:/<model id>}), linked to its run. */
    int createModelVersion(String name, String modelId, String runId, String description, Map<String, String> tags) {
        ObjectNode body = connection.object().put("name", name).put("source", "models:/" + modelId).put("run_id", runId)
                .put("model_id", modelId).put("description", description);
        ArrayNode tagArray = body.putArray("tags");
        tags.forEach((k, v) -> tagArray.addObject().put("key", k).put("value", v));
        return Integer.parseInt(connection.post("model-versions/create", body).path("model_version").path("version")
                .asString());
    }

    void setAlias(String name, String alias, int version) {
        connection.post("registered-models/alias", connection.object().put("name", name).put("alias", alias)
                .put("version", Integer.toString(version)));
    }

    private static LoggedModel loggedModel(JsonNode model) {
        JsonNode info = model.path("info");
        return new LoggedModel(info.path("model_id").asString(), info.path("artifact_uri").asString(),
                info.path("status").asString());
    }
}
