package io.adlift.pipeline.ingest;

/** The ingest step's input was read, but too much of it was rejected or could not be accounted for. */
final class IngestRejectedException extends RuntimeException {

    IngestRejectedException(String message) {
        super(message);
    }
}
