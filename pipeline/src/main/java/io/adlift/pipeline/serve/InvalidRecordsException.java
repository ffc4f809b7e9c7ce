package io.adlift.pipeline.serve;

import java.util.List;

/** A prediction request refused as a whole, with every problem found in it (answered 400). */
public final class InvalidRecordsException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRecordsException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
