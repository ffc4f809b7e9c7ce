package io.adlift.pipeline.serve;

import org.springframework.http.HttpStatus;

/** A request refused for who sent it or what is switched off: uploads disabled (403), no or a wrong token (401). */
public final class RefusedException extends RuntimeException {

    private final HttpStatus status;

    public RefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
