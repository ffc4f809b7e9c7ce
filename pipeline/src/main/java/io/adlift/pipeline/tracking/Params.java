package io.adlift.pipeline.tracking;

import io.adlift.pipeline.definition.PipelineDefinition;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * A pipeline definition as MLflow params: every value of the definition as it was bound (defaults
 * included) under its YAML path, list items numbered ({@code steps.train.features.0.kind}). MLflow keeps
 * at most 6000 characters of a param value; longer ones are cut and marked as shortened.
 */
final class Params {

    static final int MAX_VALUE = 6000;
    static final int MAX_TAG_VALUE = 8000;
    static final int MAX_KEY = 250;

    // The definition's keys and enum values are kebab-case in YAML; records and enums name them otherwise.
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final JsonMapper KEBAB = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .addModule(new SimpleModule().addSerializer(Enum.class, (ValueSerializer) new ValueSerializer<Enum<?>>() {
                @Override
                public void serialize(Enum<?> value, JsonGenerator gen, SerializationContext context) {
                    gen.writeString(value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                }
            }))
            .build();

    private Params() {
    }

    static Map<String, String> of(PipelineDefinition definition) {
        Map<String, String> params = new LinkedHashMap<>();
        flatten("", KEBAB.valueToTree(definition), params);
        return params;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? key(field.getKey()) : prefix + "." + key(field.getKey()), field.getValue(), out);
            }
        } else if (node.isArray()) {
            int i = 0;
            for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); i++) {
                flatten(prefix + "." + i, it.next(), out);
            }
        } else if (prefix.length() <= MAX_KEY) {
            out.put(prefix, shorten(node.asString(), MAX_VALUE));
        }
    }

    /** MLflow keys may hold letters, digits, underscores, dashes, periods, spaces and slashes. */
    private static String key(String name) {
        return name.replaceAll("[^A-Za-z0-9_\\-. /]", "_");
    }

    /** {@code value}, or its beginning with a marker saying how long it was, in at most {@code max} characters. */
    static String shorten(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        String marker = "…[shortened by Adlift from " + value.length() + " characters]";
        return value.substring(0, max - marker.length()) + marker;
    }
}
