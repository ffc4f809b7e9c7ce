package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.steps.features.FeatureSpec;
import io.adlift.steps.ingest.ColumnSpec;
import io.adlift.steps.ingest.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one record a pipeline's model answers for: the columns of its model's rows, as its CSV has
 * them (the split source's and those of the sources it joins, less the join keys), or the columns its dataset
 * computes (a campaign rollup's ad counts). The prediction API, the designer and the deployed model's Python
 * flavour all take records of these fields.
 */
public final class ModelInputs {

    private ModelInputs() {
    }

    public static List<InputField> of(Pipeline pipeline, ModelDataset dataset) {
        PipelineDefinition.Train train = pipeline.steps().train();
        Set<String> read = new TreeSet<>();
        train.features().stream().map(FeatureSpec::columns).forEach(read::addAll);
        // A one-hot feature makes its column's values categories, whatever its type (a campaign id of digits).
        Set<String> oneHot = new TreeSet<>();
        train.features().stream().filter(f -> f.kind() == io.adlift.steps.features.FeatureKind.ONE_HOT)
                .forEach(f -> oneHot.addAll(f.columns()));
        Map<String, ColumnType> declared = new LinkedHashMap<>();
        pipeline.sourceNames().forEach(s -> pipeline.schema(s).columns()
                .forEach(c -> declared.putIfAbsent(c.name(), c.type())));
        List<String> columns = new ArrayList<>(dataset.needs().produces());
        if (columns.isEmpty()) {
            columns.addAll(pipeline.schema(pipeline.resolveSource(pipeline.steps().split().source())).names());
            List<PipelineDefinition.Join> joins = train.dataset().joins();
            for (PipelineDefinition.Join join : joins == null ? List.<PipelineDefinition.Join>of() : joins) {
                pipeline.schema(join.source()).columns().stream().map(ColumnSpec::name)
                        .filter(n -> !join.key().contains(n) && !columns.contains(n)).forEach(columns::add);
            }
        }
        List<InputField> fields = new ArrayList<>();
        for (String column : columns) {
            // A column the dataset computes and no source declares is a count of ads or events.
            ColumnType type = declared.getOrDefault(column, ColumnType.INTEGER);
            Double[] range = range(pipeline, column, declared.containsKey(column));
            fields.add(new InputField(column, type, read.contains(column), range[0], range[1],
                    oneHot.contains(column) || type == ColumnType.STRING && read.contains(column)));
        }
        return fields;
    }

    /** The range the cleaning rules give the column, so that the model never sees what training never did. */
    private static Double[] range(Pipeline pipeline, String column, boolean declared) {
        Double[] range = {declared ? null : 0.0, null};
        PipelineDefinition.Clean clean = pipeline.steps().clean();
        for (PipelineDefinition.CleanRule rule : clean == null || clean.rules() == null
                ? List.<PipelineDefinition.CleanRule>of() : clean.rules()) {
            if ("range".equals(rule.rule()) && rule.columns() != null && rule.columns().contains(column)) {
                range[0] = rule.min() != null ? rule.min() : range[0];
                range[1] = rule.max() != null ? rule.max() : range[1];
            }
        }
        return range;
    }
}
