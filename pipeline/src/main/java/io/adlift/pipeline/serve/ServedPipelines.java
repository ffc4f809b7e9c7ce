package io.adlift.pipeline.serve;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The pipeline a URL names, or 404 listing the defined ones. */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
public class ServedPipelines {

    private final PipelineCatalog catalog;

    ServedPipelines(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    public Pipeline get(String name) {
        try {
            return catalog.get(name);
        } catch (DefinitionException e) {
            throw new NotFoundException(String.join("; ", e.problems()));
        }
    }

    public java.util.List<Pipeline> all() {
        return catalog.all();
    }
}
