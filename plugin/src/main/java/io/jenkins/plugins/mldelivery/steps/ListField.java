package io.jenkins.plugins.mldelivery.steps;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * A list argument ({@code rules: [...]}, {@code steps: [...]}, {@code data: [...]}) edited in forms
 * as text with one item per line, so that the Snippet Generator and freestyle jobs can set it.
 */
public final class ListField {
    private ListField() {
        // static functions only
    }

    /**
     * Splits the text of a form field into items: one per line, blank lines dropped, items trimmed.
     *
     * @param text the field's text
     * @return the items
     */
    public static List<String> split(final String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /**
     * Joins items into the text of a form field, one per line.
     *
     * @param items the items, {@code null} for a new form
     * @return the text
     */
    public static String join(final List<?> items) {
        if (items == null) {
            return "";
        }
        return items.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }

    /**
     * Turns the text of a list field in submitted form data into a JSON array, so that the form
     * binds to the step's list argument like a Pipeline script does.
     *
     * @param form    the submitted form data
     * @param field   the list field's name
     * @param convert how one line becomes an item (e.g. {@code Integer::valueOf})
     * @return the same form data, changed in place
     * @throws IllegalArgumentException if a line cannot be converted
     */
    public static JSONObject splitInForm(final JSONObject form, final String field,
            final Function<String, ?> convert) {
        Object value = form.opt(field);
        if (value instanceof String text) {
            form.put(field, JSONArray.fromObject(split(text).stream().map(convert).toList()));
        }
        return form;
    }
}
