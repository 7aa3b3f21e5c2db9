package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter set from the command line, in the override grammar DVC's {@code --set-param}
 * takes from Hydra: {@code key=value} changes a parameter the file has, {@code +key=value} adds
 * one it does not have, {@code ++key=value} sets it either way. Keys are dotted paths into
 * nested sections ({@code model.max_depth}).
 *
 * @param key   the dotted key
 * @param value the value: a number, {@code true}/{@code false}, {@code null}, a list or map in
 *              YAML flow syntax ({@code [1, 2]}), else text
 * @param mode  whether the key must exist, must not exist, or either
 */
public record ParamOverride(String key, JsonNode value, Mode mode) {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern KEY = Pattern.compile("[^.=\\s]+(\\.[^.=\\s]+)*");

    /** Whether the overridden key must already be in the params file. */
    public enum Mode {
        /** {@code key=value}: the key must exist, so a typo is an error rather than a silent no-op. */
        CHANGE,
        /** {@code +key=value}: the key must not exist yet. */
        ADD,
        /** {@code ++key=value}: change it if it exists, add it if not. */
        SET
    }

    /** Validates the fields. */
    public ParamOverride {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * Parses {@code key=value}, {@code +key=value} or {@code ++key=value}.
     *
     * @param text the override as the user wrote it
     * @return the override
     * @throws BadInputException naming the override when it has no {@code =} or no key
     */
    public static ParamOverride parse(final String text) {
        Mode mode = Mode.CHANGE;
        String rest = text;
        if (rest.startsWith("++")) {
            mode = Mode.SET;
            rest = rest.substring(2);
        }
        else if (rest.startsWith("+")) {
            mode = Mode.ADD;
            rest = rest.substring(1);
        }
        int equals = rest.indexOf('=');
        if (equals < 0) {
            throw new BadInputException("--param '" + text + "': expected KEY=VALUE (e.g. model.max_depth=4)");
        }
        String key = rest.substring(0, equals).strip();
        if (!KEY.matcher(key).matches()) {
            throw new BadInputException("--param '" + text + "': '" + key + "' is not a dotted key such as model.max_depth");
        }
        return new ParamOverride(key, value(rest.substring(equals + 1).strip(), text), mode);
    }

    /**
     * Reads a value the way a YAML params file would hold it: numbers as numbers, {@code true},
     * {@code false} and {@code null} as themselves, {@code [..]} and {@code {..}} as YAML flow
     * collections, quoted text without its quotes, anything else as text.
     */
    static JsonNode value(final String text, final String override) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (NUMBER.matcher(text).matches()) {
            BigDecimal number = new BigDecimal(text);
            if (text.matches("[-+]?\\d+")) {
                int bits = number.toBigInteger().bitLength();
                return bits < 32 ? nodes.numberNode(number.intValueExact())
                        : bits < 64 ? nodes.numberNode(number.longValueExact()) : nodes.numberNode(number.toBigInteger());
            }
            return nodes.numberNode(Double.parseDouble(text));
        }
        switch (text) {
            case "true":
                return nodes.booleanNode(true);
            case "false":
                return nodes.booleanNode(false);
            case "null":
            case "~":
                return nodes.nullNode();
            default:
                break;
        }
        if (text.startsWith("[") || text.startsWith("{") || text.startsWith("\"") || text.startsWith("'")) {
            try {
                return ParamsFormat.YAML.mapper().readTree(text);
            }
            catch (java.io.IOException e) {
                throw new BadInputException("--param '" + override + "': cannot read the value '" + text + "' as YAML", e);
            }
        }
        return nodes.textNode(text);
    }
}
