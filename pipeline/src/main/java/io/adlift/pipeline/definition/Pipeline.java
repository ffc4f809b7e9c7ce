package io.adlift.pipeline.definition;

import io.adlift.steps.ingest.SourceSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated pipeline definition with where it came from: its file and the hash of its
 * content, recorded beside every model as provenance.
 */
public record Pipeline(PipelineDefinition definition, Path file, String configHash, String resolvedYaml) {

    public String name() {
        return definition.name();
    }

    public PipelineDefinition.Steps steps() {
        return definition.steps();
    }

    public boolean hasModel() {
        return definition.kind() != PipelineKind.KPI_ONLY;
    }

    public List<String> sourceNames() {
        return List.copyOf(steps().ingest().sources().keySet());
    }

    public SourceSchema schema(String source) {
        Map<String, PipelineDefinition.Source> sources = steps().ingest().sources();
        PipelineDefinition.Source s = sources.get(source);
        if (s == null) {
            throw new IllegalArgumentException("pipeline '" + name() + "' has no source '" + source
                    + "'; its sources: " + sources.keySet());
        }
        return new SourceSchema(source, s.columns());
    }

    /** The source a step names, or the only source when it names none. */
    public String resolveSource(String named) {
        if (named == null && sourceNames().size() == 1) {
            return sourceNames().get(0);
        }
        schema(named);
        return named;
    }

    public String modelName() {
        String configured = steps().deploy() == null ? null : steps().deploy().modelName();
        return configured == null || configured.isBlank() ? name() : configured;
    }
}
