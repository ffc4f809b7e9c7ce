package io.adlift.pipeline.tracking;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.mlflow.api.proto.Service;

/**
 * A run's and a logged model's artifacts, through the tracking server's artifact proxy: uploads (which MLflow's
 * official Java client can only make by shelling out to a Python {@code mlflow} CLI) and listing.
 */
final class MlflowArtifacts {

    private static final String ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts/";

    private final MlflowConnection connection;

    MlflowArtifacts(MlflowConnection connection) {
        this.connection = connection;
    }

    /** Uploads {@code content} as {@code path} below the run's artifact root. */
    void uploadArtifact(MlflowClient.RunInfo run, String path, byte[] content) {
        uploadArtifact(run.artifactUri(), "run " + run.runId(), path, content);
    }

    /**
     * Uploads {@code content} as {@code path} below {@code root} (a run's or a logged model's artifact URI),
     * with an HTTP PUT to the artifact proxy. The root must be one the server proxies ({@code mlflow-artifacts:}
     * or its HTTP form); any other (s3://, file:) would need MLflow's Python client where Adlift runs.
     */
    void uploadArtifact(String root, String owner, String path, byte[] content) {
        connection.put("upload artifact " + path + " of " + owner, artifactUri(root, owner, path), content);
    }

    /** The paths of the run's artifacts below {@code dir} (recursively), relative to the run's root. */
    List<String> listArtifacts(String runId, String dir) {
        List<String> files = new ArrayList<>();
        List<Service.FileInfo> found = connection.call("GET artifacts/list",
                official -> dir == null ? official.listArtifacts(runId) : official.listArtifacts(runId, dir));
        for (Service.FileInfo f : found) {
            if (f.getIsDir()) {
                files.addAll(listArtifacts(runId, f.getPath()));
            } else {
                files.add(f.getPath());
            }
        }
        return files;
    }

    private URI artifactUri(String rootText, String owner, String path) {
        URI root = URI.create(rootText);
        String encoded = MlflowConnection.encodePath(path);
        if ("mlflow-artifacts".equals(root.getScheme())) {
            // mlflow-artifacts:/<exp>/<run>/artifacts or mlflow-artifacts://host:port/<exp>/<run>/artifacts: the
            // path below the proxy's root, served by this tracking server
            String below = root.getPath().replaceFirst("^/+", "");
            return URI.create(connection.trackingUri() + ARTIFACTS_API + MlflowConnection.encodePath(below) + "/" + encoded);
        }
        if (("http".equals(root.getScheme()) || "https".equals(root.getScheme()))
                && root.getPath().contains(ARTIFACTS_API.substring(0, ARTIFACTS_API.length() - 1))) {
            return URI.create(rootText + "/" + encoded);
        }
        throw new MlflowException("MLflow at " + connection.trackingUri() + " stores the artifacts of " + owner
                + " at " + MlflowSettings.redact(rootText) + ", which it does not proxy; Adlift uploads artifacts through "
                + "the server's artifact proxy only: start the server with --serve-artifacts (the default) and an "
                + "--artifacts-destination, and create the experiment without an artifact location outside it", 0, null, null);
    }
}
