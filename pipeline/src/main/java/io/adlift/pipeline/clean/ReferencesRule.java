package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.storage.SourceTables;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code references}: each row's key names a clean row of a parent source (an order's session, a
 * post's influencer). Parents are cleaned first, so a child of a rejected parent is rejected too,
 * with a reason naming the key, rather than silently dropped by a later join. Rows whose key is
 * empty are left to the {@code required} rule.
 */
final class ReferencesRule implements CleaningRule {

    @Override
    public String name() {
        return "references";
    }

    @Override
    public List<CleanCheck> checks(CleanPass pass, PipelineDefinition.CleanRule settings) {
        PipelineDefinition.Reference ref = settings.references();
        SourceTables parent = SourceTables.of(pass.run().pipeline()).get(ref.source());
        List<String> match = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < settings.columns().size(); i++) {
            String child = "s." + pass.tables().column(settings.columns().get(i));
            match.add("p." + parent.column(ref.columns().get(i)) + " = " + child);
            present.add(child + " IS NOT NULL");
            shown.add("CAST(" + child + " AS VARCHAR(1000))");
        }
        String condition = String.join(" AND ", present) + " AND NOT EXISTS (SELECT 1 FROM " + parent.clean()
                + " p WHERE p.job_instance_id = s.job_instance_id AND " + String.join(" AND ", match) + ")";
        String columns = String.join(", ", settings.columns());
        return List.of(CleanCheck.where(condition, List.of(), String.join("+", settings.columns()),
                "? || " + String.join(" || ', ' || ", shown) + " || ?",
                List.of(columns + " '", "' has no row in source '" + ref.source() + "' (unknown, or rejected there)")));
    }
}
