package io.adlift.steps.ingest;

import java.util.List;

/** A source file whose header lacks declared columns: no record of it can be typed. */
public final class MissingColumnsException extends RuntimeException {

    public MissingColumnsException(String file, List<String> missing, List<String> header) {
        super(file + ", line 1: missing column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                + "; the header has " + header);
    }
}
