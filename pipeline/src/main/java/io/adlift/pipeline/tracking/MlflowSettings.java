package io.adlift.pipeline.tracking;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach an MLflow tracking server: its URI, the credentials (basic auth, or a bearer token which
 * wins when both are given, as in MLflow's own clients), the experiment runs go to (null: the pipeline's
 * name), and how long to keep retrying connection failures, 5xx and 429 answers.
 *
 * @param maxAttempts    attempts per request, the first included
 * @param initialBackoff wait before the second attempt; doubled for each further one, up to {@code maxBackoff}
 */
record MlflowSettings(URI trackingUri, String username, String password, String token, String experimentName,
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration connectTimeout,
        Duration requestTimeout) {

    MlflowSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mlflow.retry.max-attempts must be at least 1, was " + maxAttempts);
        }
        String scheme = trackingUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("MLFLOW_TRACKING_URI must be an http:// or https:// URL of a tracking "
                    + "server, was '" + trackingUri + "'");
        }
        String text = trackingUri.toString();
        if (text.endsWith("/")) {
            trackingUri = URI.create(text.substring(0, text.length() - 1));
        }
    }

    boolean hasToken() {
        return token != null && !token.isBlank();
    }

    boolean hasBasicAuth() {
        return username != null && !username.isBlank() && password != null;
    }

    /** Which credentials are used, never their values: for messages. */
    String credentialsInUse() {
        if (hasToken()) {
            return "the token in MLFLOW_TRACKING_TOKEN";
        }
        if (hasBasicAuth()) {
            return "user '" + username + "' (MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD)";
        }
        return "no credentials";
    }

    // A record's generated toString would print the password and the token.
    @Override
    public String toString() {
        return "MlflowSettings[trackingUri=" + trackingUri + ", credentials=" + credentialsInUse() + ", experimentName="
                + experimentName + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + "]";
    }
}
