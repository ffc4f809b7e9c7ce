package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.steps.ingest.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code source}: the split source's clean rows, each with the columns of the rows it names in the
 * sources it joins (a session with its campaign's spend and creative). A row whose key finds no row
 * keeps nulls there, which features read as missing.
 */
final class SourceDataset implements ModelDataset {

    @Override
    public String name() {
        return "source";
    }

    @Override
    public SourceNeeds needs() {
        return SourceNeeds.none();
    }

    @Override
    public Query query(Pipeline pipeline) {
        Map<String, SourceTables> tables = SourceTables.of(pipeline);
        SourceTables main = tables.get(pipeline.resolveSource(pipeline.steps().split().source()));
        List<String> columns = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (ColumnSpec c : main.schema().columns()) {
            columns.add(c.name());
            selects.add("s." + main.column(c.name()));
        }
        StringBuilder joins = new StringBuilder();
        List<PipelineDefinition.Join> declared = pipeline.steps().train().dataset().joins();
        for (int i = 0; declared != null && i < declared.size(); i++) {
            PipelineDefinition.Join join = declared.get(i);
            SourceTables joined = tables.get(join.source());
            String alias = "j" + i;
            joins.append(" LEFT JOIN ").append(joined.clean()).append(' ').append(alias).append(" ON ").append(alias)
                    .append(".job_instance_id = s.job_instance_id");
            for (String key : join.key()) {
                joins.append(" AND ").append(alias).append('.').append(joined.column(key)).append(" = s.")
                        .append(main.column(key));
            }
            for (ColumnSpec c : joined.schema().columns()) {
                if (!join.key().contains(c.name())) {
                    columns.add(c.name());
                    selects.add(alias + "." + joined.column(c.name()));
                }
            }
        }
        String sql = "SELECT " + String.join(", ", selects) + " FROM " + main.clean() + " s" + joins
                + " WHERE s.job_instance_id = ? AND s.data_split = ? ORDER BY s.source_file, s.source_line";
        return new Query(sql, columns, 1);
    }
}
