package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineDefinition;
import java.util.ArrayList;
import java.util.List;

/** {@code range}: the columns' values lie within [min, max]; negative spend or counts, for instance. */
final class RangeRule implements CleaningRule {

    @Override
    public String name() {
        return "range";
    }

    @Override
    public List<CleanCheck> checks(CleanPass pass, PipelineDefinition.CleanRule settings) {
        List<CleanCheck> checks = new ArrayList<>();
        for (String column : settings.columns()) {
            String c = "s." + pass.tables().column(column);
            if (settings.min() != null) {
                checks.add(CleanCheck.where(c + " < ?", List.of(settings.min()), column, "CAST(" + c + " AS VARCHAR(40)) || ?",
                        List.of(" is below the minimum " + plain(settings.min()) + " for " + column)));
            }
            if (settings.max() != null) {
                checks.add(CleanCheck.where(c + " > ?", List.of(settings.max()), column, "CAST(" + c + " AS VARCHAR(40)) || ?",
                        List.of(" is above the maximum " + plain(settings.max()) + " for " + column)));
            }
        }
        return checks;
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }
}
