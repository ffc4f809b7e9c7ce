package io.adlift.pipeline.serve;

/** What a request asks for cannot be given yet: no model deployed (answered 503, worth retrying later). */
public final class UnavailableException extends RuntimeException {

    public UnavailableException(String message) {
        super(message);
    }
}
