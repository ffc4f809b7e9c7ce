package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.steps.deploy.KnownAnswer;
import java.util.List;

/**
 * Where a model's rows come from, named in a definition's {@code steps.train.dataset.strategy}: one row
 * per row of the split's source, with the columns features and target may use.
 */
public interface ModelDataset {

    String name();

    /** The sources and columns it reads, and the columns it offers when they are not the sources' own. */
    SourceNeeds needs();

    /** Answers this dataset's records have without asking the model (none by default). */
    default List<KnownAnswer> knownAnswers() {
        return List.of();
    }

    /** The query of one job instance's rows of one split part. */
    Query query(Pipeline pipeline);

    /**
     * A SELECT of {@code columns} in that order, in the rows' file order.
     *
     * @param jobInstanceParams how many parameters take the job instance id, before the one split-part parameter
     */
    record Query(String sql, List<String> columns, int jobInstanceParams) {

        Object[] args(long jobInstanceId, String part) {
            Object[] args = new Object[jobInstanceParams + 1];
            java.util.Arrays.fill(args, jobInstanceId);
            args[jobInstanceParams] = part;
            return args;
        }
    }
}
