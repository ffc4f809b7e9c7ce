package io.adlift.pipeline.storage;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Indexes on the clean tables' columns that rows of one source look up in another: both sides of
 * every {@code references} rule and every model dataset join. PostgreSQL hashes such joins anyway;
 * the embedded H2 would otherwise compare every child with every parent.
 */
public final class LookupIndexes {

    private LookupIndexes() {
    }

    /** Source to the column lists looked up in it. */
    static Map<String, Set<List<String>>> of(Pipeline pipeline) {
        Map<String, Set<List<String>>> keys = new LinkedHashMap<>();
        PipelineDefinition.Steps steps = pipeline.steps();
        if (steps.clean() != null && steps.clean().rules() != null) {
            for (PipelineDefinition.CleanRule rule : steps.clean().rules()) {
                if (rule.references() != null) {
                    add(keys, rule.references().source(), rule.references().columns());
                    add(keys, pipeline.resolveSource(rule.source()), rule.columns());
                }
            }
        }
        if (steps.train() != null && steps.train().dataset() != null && steps.train().dataset().joins() != null) {
            for (PipelineDefinition.Join join : steps.train().dataset().joins()) {
                add(keys, join.source(), join.key());
            }
        }
        return keys;
    }

    /** Creates the indexes that are missing; safe to repeat. */
    public static void create(Pipeline pipeline, JdbcTemplate jdbc) {
        Map<String, SourceTables> tables = SourceTables.of(pipeline);
        of(pipeline).forEach((source, columnLists) -> {
            SourceTables t = tables.get(source);
            for (List<String> columns : columnLists) {
                List<String> sql = new ArrayList<>(List.of("job_instance_id"));
                columns.forEach(c -> sql.add(t.column(c)));
                String name = "ix_" + Integer.toHexString((t.clean() + sql).hashCode());
                jdbc.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + t.clean() + " (" + String.join(", ", sql) + ")");
            }
        });
    }

    private static void add(Map<String, Set<List<String>>> keys, String source, List<String> columns) {
        if (source != null && columns != null && !columns.isEmpty()) {
            keys.computeIfAbsent(source, s -> new LinkedHashSet<>()).add(List.copyOf(columns));
        }
    }
}
