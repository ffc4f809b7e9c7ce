package io.adlift.pipeline.definition;

import java.util.List;

/** A pipeline definition that cannot be used, with every problem found, each naming file and key. */
public final class DefinitionException extends RuntimeException {

    private final List<String> problems;

    public DefinitionException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
