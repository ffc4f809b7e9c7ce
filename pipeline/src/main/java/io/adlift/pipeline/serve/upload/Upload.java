package io.adlift.pipeline.serve.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.adlift.pipeline.serve.dashboard.RunHistory;
import java.util.List;

/**
 * An upload and the run it launched.
 *
 * @param state   {@code queued}, {@code running}, {@code completed} (the run ended, whatever its status),
 *                {@code failed} (the run could not be launched)
 * @param run     the run, with its steps, once it has started
 * @param rejects the first rejected rows of the run, as {@code adlift status} reports them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Upload(String id, String pipeline, String state, String message, RunHistory.Run run, List<Reject> rejects) {

    public record Reject(String source, long line, String column, String reason) {
    }
}
