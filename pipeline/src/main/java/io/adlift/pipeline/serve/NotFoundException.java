package io.adlift.pipeline.serve;

/** Something a request names does not exist: an unknown pipeline, upload or run (answered 404). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
