package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineDefinition;
import java.util.List;

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
    public List<CleanCheck> checks(CleanPass pass, PipelineDefinition.CleanRule settings) {
        List<String> key = settings.columns().stream().map(c -> "s." + pass.tables().column(c)).toList();
        return List.of(CleanCheck.duplicateOf(key, String.join("+", settings.columns()),
                "? || CAST(" + CleanCheck.FIRST_LINE + " AS VARCHAR(20))",
                List.of("duplicate " + String.join(", ", settings.columns()) + ": first seen on line ")));
    }
}
