package io.adlift.pipeline.definition;

import java.util.List;
import java.util.Map;

/**
 * What a strategy reads of a definition's sources, and the columns it hands on.
 *
 * @param reads    source name to the columns read from it, in the names the data model gives them
 * @param produces the columns a model dataset offers to features and target; empty when it offers
 *                 the columns of the sources it reads as declared
 */
public record SourceNeeds(Map<String, List<String>> reads, List<String> produces) {

    public SourceNeeds {
        reads = Map.copyOf(reads);
        produces = List.copyOf(produces);
    }

    public static SourceNeeds none() {
        return new SourceNeeds(Map.of(), List.of());
    }
}
