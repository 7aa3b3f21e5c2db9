package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tolerant reads of step results as JSON trees: other steps add fields freely, so a record takes
 * the contract's fields it knows and treats an absent or mistyped field as absent.
 */
final class JsonFields {
    private JsonFields() {
        // static reads only
    }

    static String text(final JsonNode node, final String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    static Double number(final JsonNode node, final String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isNumber()) {
            return null;
        }
        double d = value.doubleValue();
        return Double.isFinite(d) ? d : null;
    }

    static Boolean bool(final JsonNode node, final String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    static boolean isTrue(final JsonNode node, final String field) {
        return Boolean.TRUE.equals(bool(node, field));
    }

    static List<JsonNode> array(final JsonNode node, final String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(items::add);
        }
        return items;
    }

    static JsonNode object(final JsonNode node, final String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** Reads {name: number} pairs, skipping values that are not finite numbers, sorted by name. */
    static SortedMap<String, Double> numbers(final JsonNode node, final String field) {
        SortedMap<String, Double> values = new TreeMap<>();
        JsonNode object = object(node, field);
        if (object != null) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (entry.getValue().isNumber() && Double.isFinite(entry.getValue().doubleValue())) {
                    values.put(entry.getKey(), entry.getValue().doubleValue());
                }
            }
        }
        return values;
    }
}
