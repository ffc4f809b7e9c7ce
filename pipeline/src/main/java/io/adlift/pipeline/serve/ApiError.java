package io.adlift.pipeline.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error answer of the API: what went wrong in a sentence, and per field where it applies. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, List<FieldError> errors) {
}
