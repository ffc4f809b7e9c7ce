package io.adlift.pipeline.tracking;

/**
 * A request to the MLflow tracking server that failed for good: its message names the server, the
 * request and why (unreachable after retries, refused credentials, the server's own error), and never
 * the credentials.
 */
public final class MlflowException extends RuntimeException {

    private final int status;
    private final String errorCode;

    MlflowException(String message, int status, String errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status, or 0 when no answer came. */
    int status() {
        return status;
    }

    /** MLflow's {@code error_code} (e.g. {@code RESOURCE_DOES_NOT_EXIST}), or null. */
    String errorCode() {
        return errorCode;
    }

    boolean is(String code) {
        return code.equals(errorCode);
    }
}
