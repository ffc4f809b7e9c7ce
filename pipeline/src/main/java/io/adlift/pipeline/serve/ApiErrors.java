package io.adlift.pipeline.serve;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns failures into {@link ApiError} answers. A caller gets a sentence it can act on, never a stack trace;
 * an unexpected failure is logged here with its trace and answered 500 without it.
 */
@RestControllerAdvice
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidRecordsException.class)
    ResponseEntity<ApiError> invalid(InvalidRecordsException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, "the body must be JSON: an array of records, each an object of field "
                + "values (Content-Type: application/json)", null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
        MethodArgumentTypeMismatchException.class, IllegalArgumentException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ApiError> unavailable(UnavailableException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than allowed (adlift.serve.upload.max-file-size)",
                null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            // Spring MVC's own (no such page, method not allowed, …): their status and text, no trace.
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            String detail = known.getBody().getDetail();
            return answer(status, detail == null ? status.getReasonPhrase() : detail, null);
        }
        LOG.error("Request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName()
                + "; the server log has the details", null);
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String message, InvalidRecordsException e) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message, e == null ? List.of() : e.errors()));
    }
}
