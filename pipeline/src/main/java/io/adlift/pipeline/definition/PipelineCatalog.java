package io.adlift.pipeline.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Every pipeline definition in the pipelines folder, loaded and validated once at start-up. A file that
 * does not bind or validate stops the start with all its problems listed, each naming the file and key.
 */
public final class PipelineCatalog {

    private final Map<String, Pipeline> pipelines;

    private PipelineCatalog(Map<String, Pipeline> pipelines) {
        this.pipelines = pipelines;
    }

    public static PipelineCatalog load(Path folder, StrategyNames names) {
        if (!Files.isDirectory(folder)) {
            throw new DefinitionException(List.of(folder + ": the pipelines folder does not exist (set adlift.pipelines-dir)"));
        }
        DefinitionValidator validator = new DefinitionValidator(names);
        Map<String, Pipeline> pipelines = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    Pipeline pipeline = loadOne(file, validator);
                    pipelines.put(pipeline.name(), pipeline);
                } catch (DefinitionException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list pipeline definitions", e);
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return new PipelineCatalog(pipelines);
    }

    static Pipeline loadOne(Path file, DefinitionValidator validator) {
        String fileName = file.getFileName().toString();
        String expectedName = fileName.substring(0, fileName.lastIndexOf('.'));
        String content;
        List<PropertySource<?>> sources;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
            sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new DefinitionException(List.of(file + ": not readable YAML: " + e.getMessage()));
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        PipelineDefinition definition;
        try {
            definition = binder.bind(ConfigurationPropertyName.EMPTY, Bindable.of(PipelineDefinition.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT)).orElse(null);
        } catch (BindException e) {
            throw new DefinitionException(List.of(file + ": " + describe(e)));
        }
        if (definition == null) {
            throw new DefinitionException(List.of(file + ": empty pipeline definition"));
        }
        List<String> problems = validator.problems(definition, expectedName);
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems.stream().map(p -> file + ": " + p).toList());
        }
        return new Pipeline(definition, file, sha256(content), content);
    }

    private static String describe(BindException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnboundConfigurationPropertiesException unbound) {
            return "unknown key" + (unbound.getUnboundProperties().size() == 1 ? " " : "s ")
                    + unbound.getUnboundProperties().stream()
                            .map(p -> p.getName() + " (" + p.getOrigin() + ")").sorted().toList()
                    + "; check the spelling against the README's pipeline reference";
        }
        String key = e.getProperty() != null ? e.getProperty().getName() + " (" + e.getProperty().getOrigin() + ")"
                : e.getName().toString();
        Class<?> type = e.getTarget().getType().resolve();
        String allowed = "";
        if (type != null && type.isEnum()) {
            allowed = "; allowed: " + Stream.of(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
        }
        Object value = e.getProperty() == null ? null : e.getProperty().getValue();
        Throwable root = cause;
        while (root != null && root.getCause() != null && !(root instanceof ConversionFailedException)) {
            root = root.getCause();
        }
        String why = value != null ? "cannot use '" + value + "' as " + (type == null ? "this value" : type.getSimpleName())
                : (root == null ? e.getMessage() : root.getMessage());
        return key + ": " + why + allowed;
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Pipeline> all() {
        return List.copyOf(pipelines.values());
    }

    /** The pipeline named {@code name}, or an error listing the defined ones. */
    public Pipeline get(String name) {
        Pipeline pipeline = pipelines.get(name);
        if (pipeline == null) {
            throw new DefinitionException(List.of("unknown pipeline '" + name + "'; defined pipelines: " + pipelines.keySet()));
        }
        return pipeline;
    }
}
