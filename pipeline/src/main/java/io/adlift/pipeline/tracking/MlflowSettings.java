package io.adlift.pipeline.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How to reach an MLflow tracking server: its URI, the credentials (basic auth, or a bearer token which
 * wins when both are given, as in MLflow's own clients), the experiment runs go to (null: the pipeline's
 * name), and how long to keep retrying connection failures, 5xx and 429 answers.
 *
 * <p>Credentials written into the URI ({@code http://user:password@host:5000}) are taken out of it and
 * used as basic auth unless MLFLOW_TRACKING_USERNAME/PASSWORD say otherwise, as MLflow's Python client
 * does; {@link #trackingUri()} is the URI without them, so it is what every message, log line, link and
 * health detail shows.
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
                    + "server, was '" + redact(trackingUri) + "'");
        }
        String userInfo = trackingUri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (username == null || username.isBlank()) {
                username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                password = colon < 0 ? password : decode(userInfo.substring(colon + 1));
            }
            trackingUri = withoutUserInfo(trackingUri);
        }
        String text = trackingUri.toString();
        if (text.endsWith("/")) {
            trackingUri = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** {@code uri} as it may be shown: without the user and password it may carry. */
    static String redact(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : withoutUserInfo(uri).toString();
    }

    /** {@code text} (a URI as configured) as it may be shown. */
    static String redact(String text) {
        try {
            return redact(new URI(text.trim()));
        } catch (URISyntaxException e) {
            // not a URI: show only what comes before any user info
            int at = text.indexOf('@');
            int scheme = text.indexOf("://");
            return at > 0 && scheme > 0 && at > scheme ? text.substring(0, scheme + 3) + "***@" + text.substring(at + 1)
                    : text;
        }
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MLFLOW_TRACKING_URI is not a valid URL", e);
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
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
            return "user '" + username + "' (MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD or the tracking URI)";
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
