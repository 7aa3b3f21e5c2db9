package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in one plain sentence what is wrong with a JSON or YAML document that Jackson could not read:
 * which field, what was expected and what was found, without Java class names, parser feature names
 * or source descriptions, which mean nothing to the person who wrote the file.
 */
public final class JsonProblem {
    private static final Pattern QUOTED_VALUE = Pattern.compile("String value \\(\"([^\"]*)\"\\)");
    private static final Pattern DESERIALIZE = Pattern.compile(
            "Cannot deserialize value of type (`[^`]*`) from ([A-Za-z-]+) value(?: \\(token `[^`]*`\\))?");
    private static final Pattern COERCE = Pattern.compile(
            "Cannot coerce [A-Za-z]+ value \\(\"([^\"]*)\"\\) to (`[^`]*`) value(?: \\(but might if coercion using `CoercionConfig` was enabled\\))?");
    private static final Pattern UNRECOGNIZED = Pattern.compile(
            "Unrecognized field \"([^\"]*)\" \\(class [^)]*\\), not marked as ignorable(?: \\([^)]*\\))?");
    private static final Pattern MISSING_CREATOR = Pattern.compile("Missing required creator property '([^']*)' \\(index \\d+\\)");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern SOURCE = Pattern.compile("\\s*(at )?\\[Source: [^\\]]*\\]");
    private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\s*\\(through reference chain: [^)]*\\)");
    private static final Pattern ENABLE_FEATURE = Pattern.compile(":?\\s*(enable|disable) `?[A-Za-z]*Feature\\.[A-Z_]+`?.*$");

    private JsonProblem() {
        // static descriptions only
    }

    /**
     * Describes a Jackson failure in one line, with where it happened:
     * {@code train.json:3:14: field 'metrics.auc': expected a number, found "high"}.
     *
     * @param source the file (or other source) that was read
     * @param e      the failure
     * @return one line for people
     */
    public static String message(final Object source, final JsonProcessingException e) {
        return source + where(e) + ": " + describe(e);
    }

    /**
     * Describes a Jackson failure in one line, without saying where: {@code field 'metrics.auc': expected a number, found "high"}.
     *
     * @param e the failure
     * @return one line for people
     */
    public static String describe(final JsonProcessingException e) {
        String field = field(e);
        String what = what(e, field);
        boolean named = what.startsWith(Required.MISSING) || what.startsWith("unknown");
        return (field.isEmpty() || named ? "" : "field '" + field + "': ") + what;
    }

    /**
     * Removes Jackson's internals from a message that was built from one (a class name in backticks,
     * {@code [Source: …]}, a reference chain, a parser feature to enable), for messages made elsewhere.
     *
     * @param message the message, or null
     * @return the message without them, or null
     */
    public static String scrub(final String message) {
        if (message == null) {
            return null;
        }
        String plain = SOURCE.matcher(message).replaceAll("");
        plain = DESERIALIZE.matcher(plain).replaceAll(match -> "expected " + friendlyType(match.group(1)) + ", found "
                + article(match.group(2)));
        plain = COERCE.matcher(plain).replaceAll(match -> "expected " + friendlyType(match.group(2)) + ", found \"" + match.group(1) + "\"");
        plain = UNRECOGNIZED.matcher(plain).replaceAll("unknown field '$1'");
        plain = MISSING_CREATOR.matcher(plain).replaceAll(Required.MISSING + "$1'");
        plain = REFERENCE_CHAIN.matcher(plain).replaceAll("");
        plain = plain.replaceAll("Cannot construct instance of `[^`]*`(, problem:)?\\s*", "");
        plain = plain.replaceAll("Source: REDACTED[^;\\]]*;?", "");
        plain = plain.replaceAll("\\(`StreamReadFeature[^)]*\\)", "");
        plain = plain.replaceAll("Non-standard token '([^']*)': enable `JsonReadFeature[^`]*` to allow",
                "'$1' is not a JSON number (write a finite number, or null where a value may be missing)");
        plain = ENABLE_FEATURE.matcher(plain).replaceAll("");
        plain = BACKTICKED.matcher(plain).replaceAll(match -> friendlyType(match.group()));
        return plain.replaceAll("\\s+", " ").strip();
    }

    private static String where(final JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /** The JSON path of the field, e.g. {@code columns[2].name}, or empty at the top level. */
    static String field(final JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String what(final JsonProcessingException e, final String field) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            String message = cause == null ? null : cause.getMessage();
            if (message != null && message.startsWith(Required.MISSING)) {
                String name = message.substring(Required.MISSING.length(), message.length() - 1);
                return Required.MISSING + (field.isEmpty() ? name : field + "." + name) + "'";
            }
            if (cause instanceof NullPointerException && cause.getMessage() != null && !cause.getMessage().contains(" ")) {
                String name = cause.getMessage();
                return "missing required field '" + (field.isEmpty() ? name : field + "." + name) + "'";
            }
            return cause != null && cause.getMessage() != null ? scrub(cause.getMessage()) : "invalid value";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "expected " + typeName(invalid.getTargetType()) + ", found " + shown(invalid.getValue());
        }
        if (e instanceof MismatchedInputException mismatched) {
            String original = String.valueOf(e.getOriginalMessage());
            if (original.startsWith("No content to map")) {
                return "the document is empty";
            }
            if (original.contains("Missing required creator property")) {
                String name = original.replaceAll("(?s).*Missing required creator property '([^']*)'.*", "$1");
                return "missing required field '" + (field.isEmpty() ? name : field + "." + name) + "'";
            }
            String found = found(original);
            return "expected " + typeName(mismatched.getTargetType()) + (found.isEmpty() ? "" : ", found " + found);
        }
        if (e instanceof JsonParseException) {
            return "not valid JSON: " + scrub(e.getOriginalMessage());
        }
        return scrub(e.getOriginalMessage());
    }

    private static String found(final String message) {
        Matcher quoted = QUOTED_VALUE.matcher(message);
        if (quoted.find()) {
            return "\"" + quoted.group(1) + "\"";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("from string value") || lower.contains("value_string")) {
            return "text";
        }
        if (lower.contains("from integer value") || lower.contains("from floating-point value") || lower.contains("value_number")) {
            return "a number";
        }
        if (lower.contains("from boolean value") || lower.contains("value_true") || lower.contains("value_false")) {
            return "true/false";
        }
        if (lower.contains("from array value") || lower.contains("start_array")) {
            return "a list";
        }
        if (lower.contains("from object value") || lower.contains("start_object")) {
            return "an object";
        }
        if (lower.contains("null")) {
            return "null";
        }
        return "";
    }

    private static String article(final String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "integer", "floating-point" -> "a number";
            case "string" -> "text";
            case "boolean" -> "true/false";
            case "array" -> "a list";
            case "object" -> "an object";
            default -> kind.toLowerCase(Locale.ROOT);
        };
    }

    private static String shown(final Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String typeName(final Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class || type == long.class
                || type == float.class || type == short.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time";
        }
        return "an object";
    }

    private static String friendlyType(final String backticked) {
        String name = backticked.substring(1, backticked.length() - 1);
        try {
            return typeName(Class.forName(name.replaceAll("<.*", ""), false, JsonProblem.class.getClassLoader()));
        }
        catch (ClassNotFoundException | LinkageError e) {
            return name.contains(".") ? "a value" : "'" + name + "'";
        }
    }
}
