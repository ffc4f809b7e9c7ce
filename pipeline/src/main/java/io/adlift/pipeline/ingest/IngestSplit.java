package io.adlift.pipeline.ingest;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.split.SplitStrategy;
import io.adlift.steps.split.Splitter;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The split label of each row of the split's source, given as the row is staged: the label is a
 * function of the row's key and the seed alone, so giving it here instead of in the split step
 * spares a second pass that would rewrite every clean row. The key values are shown to the splitter
 * as the database hands them back (a {@code java.sql.Timestamp}, not a {@code LocalDateTime}), so
 * the labels are the ones the split step would have given.
 */
final class IngestSplit {

    private final String source;
    private final Splitter splitter;
    private final int[] keyColumns;

    private IngestSplit(String source, Splitter splitter, int[] keyColumns) {
        this.source = source;
        this.splitter = splitter;
        this.keyColumns = keyColumns;
    }

    /** The labelling of {@code pipeline}'s split, or none when it has no split step. */
    static IngestSplit of(Pipeline pipeline, StrategyRegistry<SplitStrategy> strategies) {
        PipelineDefinition.Split settings = pipeline.steps().split();
        if (settings == null) {
            return new IngestSplit(null, null, new int[0]);
        }
        String source = pipeline.resolveSource(settings.source());
        List<String> names = pipeline.schema(source).names();
        int[] key = settings.key().stream().mapToInt(names::indexOf).toArray();
        return new IngestSplit(source, strategies.get(settings.strategy()).create(settings), key);
    }

    /** The label code of a row of {@code rowSource} with schema-ordered {@code values}, or null. */
    String label(String rowSource, Object[] values) {
        if (splitter == null || !rowSource.equals(source)) {
            return null;
        }
        List<Object> key = new ArrayList<>(keyColumns.length);
        for (int column : keyColumns) {
            key.add(asStored(values[column]));
        }
        return splitter.label(key).code();
    }

    private static Object asStored(Object value) {
        if (value instanceof LocalDate date) {
            return Date.valueOf(date);
        }
        if (value instanceof LocalDateTime time) {
            return Timestamp.valueOf(time);
        }
        return value;
    }
}
