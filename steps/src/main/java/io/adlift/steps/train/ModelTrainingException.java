package io.adlift.steps.train;

/** Training failed inside the learning library, typically because of a bad parameter. */
public final class ModelTrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelTrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
