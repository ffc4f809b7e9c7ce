package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineDefinition;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code dedupe}: one row per key; the first in file order is kept, each later one is rejected with
 * the line of the row it duplicates. Rows already rejected by an earlier rule do not count as firsts.
 */
final class DedupeRule implements CleaningRule {

    @Override
    public String name() {
        return "dedupe";
    }

    @Override
    public long reject(CleanPass pass, PipelineDefinition.CleanRule settings) {
        String key = settings.columns().stream().map(c -> "d." + pass.tables().column(c)).collect(Collectors.joining(", "));
        String ranked = "(SELECT d.job_instance_id, d.source_file, d.source_line, "
                + "ROW_NUMBER() OVER (PARTITION BY " + key + " ORDER BY d.source_file, d.source_line) AS dup_rank, "
                + "FIRST_VALUE(d.source_line) OVER (PARTITION BY " + key + " ORDER BY d.source_file, d.source_line) AS first_line "
                + "FROM " + pass.tables().staging() + " d WHERE d.job_instance_id = ? AND " + pass.notRejected("d") + ")";
        String from = "JOIN " + ranked + " k ON k.job_instance_id = s.job_instance_id AND k.source_file = s.source_file "
                + "AND k.source_line = s.source_line";
        return pass.rejectWhere(from, List.of(pass.run().jobInstanceId(), pass.tables().schema().source()), "k.dup_rank > 1",
                List.of(), String.join("+", settings.columns()), "? || CAST(k.first_line AS VARCHAR(20))",
                List.of("duplicate " + String.join(", ", settings.columns()) + ": first seen on line "));
    }
}
