package io.jenkins.plugins.mldelivery.core.canary.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a plan file, read with its key path ({@code metrics[1].direction}) so that every
 * error names the file and the key the user must fix.
 */
final class PlanNode {
    private final Path file;
    private final String path;
    private final JsonNode node;

    private PlanNode(final Path file, final String path, final JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static PlanNode root(final Path file, final JsonNode node) {
        PlanNode root = new PlanNode(file, "", node);
        if (node == null || !node.isObject()) {
            throw new BadInputException(file + ": expected a mapping of plan keys (model, steps, metrics, router, source), found "
                    + (node == null || node.isMissingNode() ? "an empty file" : describe(node)));
        }
        return root;
    }

    Path file() {
        return file;
    }

    String path() {
        return path;
    }

    /** Rejects keys the reader does not know, so that a misspelt key is an error and not a silent default. */
    PlanNode allowOnly(final String... keys) {
        Set<String> known = new TreeSet<>(Arrays.asList(keys));
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadInputException(file + ": " + at(name) + ": unknown key (expected one of " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    boolean has(final String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    BadInputException error(final String key, final String problem) {
        return new BadInputException(file + ": " + at(key) + ": " + problem);
    }

    BadInputException error(final String problem) {
        return new BadInputException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    PlanNode object(final String key) {
        JsonNode value = require(key, "a mapping");
        if (!value.isObject()) {
            throw error(key, "expected a mapping, found " + describe(value));
        }
        return new PlanNode(file, at(key), value);
    }

    List<PlanNode> objects(final String key) {
        JsonNode value = require(key, "a list");
        if (!value.isArray() || value.isEmpty()) {
            throw error(key, "expected a non-empty list, found " + describe(value));
        }
        List<PlanNode> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(new PlanNode(file, at(key) + "[" + i + "]", value.get(i)));
        }
        return items;
    }

    /** Whether this node is a scalar (a list item such as {@code 5} rather than {@code {weight: 5}}). */
    boolean isScalar() {
        return node.isValueNode();
    }

    boolean isObject() {
        return node.isObject();
    }

    String text(final String key) {
        JsonNode value = require(key, "a value");
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw error(key, "expected a non-empty text, found " + describe(value));
        }
        return value.asText();
    }

    String text(final String key, final String fallback) {
        return has(key) ? text(key) : fallback;
    }

    double number(final String key, final double fallback, final double min, final double max) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (!value.isNumber()) {
            throw error(key, "expected a number, found " + describe(value));
        }
        double number = value.asDouble();
        if (!(number >= min && number <= max)) {
            throw error(key, "expected a number from " + format(min) + " to " + format(max) + ", found " + value.asText());
        }
        return number;
    }

    /** Reads this scalar node itself as an integer within bounds. */
    int integer(final int min, final int max) {
        return checkInteger(node, path, min, max);
    }

    int integer(final String key, final int fallback, final int min, final int max) {
        return has(key) ? checkInteger(node.get(key), at(key), min, max) : fallback;
    }

    boolean bool(final String key, final boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            throw error(key, "expected true or false, found " + describe(value));
        }
        return value.asBoolean();
    }

    Duration duration(final String key, final Duration fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        String text = value.asText().trim();
        try {
            return DurationText.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw error(key, "expected a duration such as 30s, 5m, 1h30m or PT5M, found '" + text + "'");
        }
    }

    <E extends Enum<E>> E choice(final String key, final Class<E> type, final E fallback) {
        if (!has(key)) {
            return fallback;
        }
        String text = text(key);
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw error(key, "expected one of " + String.join(", ", names) + ", found '" + text + "'");
    }

    /** Reads a command: a YAML list of arguments, or one text split at spaces (quotes group words). */
    CommandTemplate command(final String key) {
        JsonNode value = require(key, "a command");
        try {
            if (value.isArray()) {
                List<String> arguments = new ArrayList<>();
                value.forEach(argument -> arguments.add(argument.asText()));
                return CommandTemplate.of(arguments);
            }
            return CommandTemplate.parse(value.asText());
        }
        catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    Map<String, String> texts(final String key) {
        if (!has(key)) {
            return Map.of();
        }
        PlanNode map = object(key);
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = map.node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), map.text(field.getKey()));
        }
        return values;
    }

    private JsonNode require(final String key, final String what) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error(key, "missing (expected " + what + ")");
        }
        return value;
    }

    private int checkInteger(final JsonNode value, final String where, final int min, final int max) {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new BadInputException(file + ": " + where + ": expected a whole number, found " + describe(value));
        }
        int number = value.asInt();
        if (number < min || number > max) {
            throw new BadInputException(file + ": " + where + ": expected a whole number from " + min + " to " + max + ", found " + number);
        }
        return number;
    }

    private String at(final String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(final JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "an empty list" : "a list";
        }
        return "'" + value.asText() + "'";
    }

    private static String format(final double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
