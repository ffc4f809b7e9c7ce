package io.adlift.steps.ingest;

import java.util.List;

/** A source file whose header does not match its schema (a column missing or named twice): no record can be typed. */
public final class MissingColumnsException extends RuntimeException {

    MissingColumnsException(String message) {
        super(message);
    }

    public MissingColumnsException(String file, List<String> missing, List<String> header) {
        super(file + ", line 1: missing column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                + "; the header has " + header);
    }
}
