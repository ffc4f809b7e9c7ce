package io.adlift.pipeline.tracking;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.Callable;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every request to MLflow gets its retries and its time limit, whichever transport makes it (the
 * official client, or Adlift's artifact upload): what may pass on a later try (no connection, no answer in
 * time, 5xx, 429) is retried with doubling backoff under Spring's {@link RetryTemplate}; other answers (400,
 * 401, 403, 404) are final at once. Failures become an {@link MlflowException} whose message names the
 * server, the request and the last problem, and never the credentials.
 * Time limits are the transports' own (connect and request timeouts; see
 * {@link org.mlflow.tracking.ConfiguredMlflowClients} for the official client's).
 */
final class MlflowCalls {

    private static final Logger log = LoggerFactory.getLogger(MlflowCalls.class);

    private final MlflowSettings settings;
    private final JsonMapper json;
    private final RetryTemplate retry;

    MlflowCalls(MlflowSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.retry = new RetryTemplate(RetryPolicy.builder().maxRetries(settings.maxAttempts() - 1L)
                .delay(settings.initialBackoff()).multiplier(2).maxDelay(settings.maxBackoff())
                .predicate(e -> e instanceof Attempt a && a.retryable).build());
    }

    /** One failed attempt: what went wrong, and whether a later attempt may succeed. */
    private static final class Attempt extends RuntimeException {
        private final boolean retryable;
        private final transient MlflowException failure;

        Attempt(String problem, boolean retryable, MlflowException failure, Throwable cause) {
            super(problem, cause, false, false);
            this.retryable = retryable;
            this.failure = failure;
        }
    }

    /** Runs {@code call}, named {@code what} in messages ("GET runs/get"), with the retries and time limit. */
    <T> T call(String what, Callable<T> call) {
        int[] attempt = {0};
        try {
            return retry.execute(() -> {
                attempt[0]++;
                try {
                    return once(what, call);
                } catch (Attempt failed) {
                    if (failed.retryable && attempt[0] < settings.maxAttempts()) {
                        log.warn("MLflow at {}: {} failed ({}); attempt {} of {}, retrying", settings.trackingUri(), what,
                                failed.getMessage(), attempt[0], settings.maxAttempts());
                    }
                    throw failed;
                }
            });
        } catch (RetryException e) {
            if (e.getLastException() instanceof Attempt failed) {
                if (failed.failure != null) {
                    throw failed.failure;
                }
                if (failed.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new MlflowException("interrupted while waiting for MLflow at " + settings.trackingUri() + " ("
                            + what + ")", 0, null, failed.getCause());
                }
                throw new MlflowException("MLflow at " + settings.trackingUri() + " is unavailable: " + what + " failed after "
                        + attempt[0] + " attempt" + (attempt[0] == 1 ? "" : "s") + ": " + failed.getMessage()
                        + ". Check that the server runs and MLFLOW_TRACKING_URI is right, then restart the run",
                        status(failed.getCause()), null, failed.getCause());
            }
            throw new MlflowException("MLflow at " + settings.trackingUri() + ": " + what + " failed: " + e.getMessage(),
                    0, null, e);
        }
    }

    private <T> T once(String what, Callable<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            throw new Attempt("interrupted", false, null, e);
        } catch (Exception e) {
            throw translate(what, e);
        }
    }

    private Attempt translate(String what, Throwable failure) {
        if (failure instanceof MlflowHttpException http) {
            int status = http.getStatusCode();
            String body = http.getBodyMessage();
            if (status == 429 || status >= 500) {
                return new Attempt("HTTP " + status + serverMessage(body), true, null, http);
            }
            return new Attempt("HTTP " + status, false, refused(what, status, body), http);
        }
        if (failure instanceof MlflowException final_) {
            return new Attempt(final_.getMessage(), false, final_, final_);
        }
        Throwable cause = failure instanceof MlflowClientException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException) {
            return new Attempt("no answer within " + settings.requestTimeout(), true, null, cause);
        }
        if (cause instanceof ConnectException) {
            return new Attempt("cannot connect (" + (cause.getMessage() == null ? "connection refused" : cause.getMessage())
                    + ")", true, null, cause);
        }
        if (cause instanceof IOException) {
            return new Attempt("connection failed (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", true, null, cause);
        }
        return new Attempt(String.valueOf(cause.getMessage()), false, new MlflowException("MLflow at "
                + settings.trackingUri() + ": " + what + " failed: " + cause, 0, null, cause), cause);
    }

    private static int status(Throwable cause) {
        return cause instanceof MlflowHttpException http ? http.getStatusCode() : 0;
    }

    private MlflowException refused(String what, int status, String body) {
        String code = null;
        try {
            code = body == null ? null : json.readTree(body).path("error_code").asString(null);
        } catch (JacksonException notJson) {
            // an HTML or plain-text error page; its text is in the message below
        }
        String message = switch (status) {
            case 401 -> "MLflow at " + settings.trackingUri() + " refused the credentials (HTTP 401) for " + what
                    + ": Adlift sent " + settings.credentialsInUse() + "; check MLFLOW_TRACKING_USERNAME and "
                    + "MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN)";
            case 403 -> "MLflow at " + settings.trackingUri() + " forbids " + what + " (HTTP 403) to "
                    + settings.credentialsInUse() + serverMessage(body)
                    + "; give that user the permission, or check the server's --allowed-hosts";
            default -> "MLflow at " + settings.trackingUri() + " refused " + what + " (HTTP " + status + ")"
                    + serverMessage(body);
        };
        return new MlflowException(message, status, code, null);
    }

    /** The server's answer as text for a message: its error code and message when it is MLflow's JSON. */
    String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = json.readTree(body);
            String message = error.path("message").asString(null);
            if (message != null) {
                return ": " + abbreviate(error.path("error_code").asString("") + " " + message).trim();
            }
        } catch (JacksonException notJson) {
            // fall through to the raw text
        }
        return ": " + abbreviate(body.strip());
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

}
