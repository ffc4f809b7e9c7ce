package io.adlift.pipeline.cli;

import io.adlift.pipeline.definition.DefinitionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code --input} arguments of {@code adlift run} as one file per source: {@code SOURCE=PATH},
 * plain paths in source order, or one folder of {@code <source>.csv} files as {@code adlift generate}
 * writes it.
 */
final class InputArguments {

    /** What a source's name can look like; a path such as {@code /data/x=1.csv} does not. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private InputArguments() {
    }

    static Map<String, Path> bySource(String pipeline, List<String> sources, List<String> inputs) {
        Map<String, Path> result = new LinkedHashMap<>();
        if (inputs.size() == 1 && Files.isDirectory(Path.of(inputs.get(0)))) {
            Path folder = Path.of(inputs.get(0));
            sources.forEach(s -> result.put(s, folder.resolve(s + ".csv")));
            return result;
        }
        int positional = 0;
        for (String input : inputs) {
            int eq = input.indexOf('=');
            String name = eq > 0 ? input.substring(0, eq) : null;
            if (name != null && sources.contains(name)) {
                result.put(name, Path.of(input.substring(eq + 1)));
            } else if (name != null && NAME.matcher(name).matches() && !Files.exists(Path.of(input))) {
                // A mistyped source name, not a file: said as such, rather than read as another source's file.
                throw new DefinitionException(List.of("--input " + input + ": unknown source '" + name + "' (sources of "
                        + pipeline + ": " + String.join(", ", sources) + ")" + DidYouMean.suffix(name, sources)));
            } else if (positional < sources.size()) {
                result.put(sources.get(positional++), Path.of(input));
            } else {
                throw new DefinitionException(List.of("too many --input files: pipeline '" + pipeline + "' has sources "
                        + sources));
            }
        }
        return result;
    }
}
