package io.jenkins.plugins.mldelivery.core.gate.rule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The metrics of one model, names to numbers, with slice metrics written {@code accuracy[gender=F]}.
 * Names are kept in a canonical form (no blanks around the slice's {@code =} and {@code ,}) so that
 * {@code accuracy[ gender = F ]} in a rule finds {@code accuracy[gender=F]} in a file.
 */
public final class MetricValues {
    private static final MetricValues NONE = new MetricValues(new TreeMap<>());

    private final SortedMap<String, Double> values;

    private MetricValues(final SortedMap<String, Double> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * Returns metrics from a map of names to values.
     *
     * @param values the metrics; names are made canonical, values must be finite numbers
     * @return the metrics
     * @throws IllegalArgumentException if two names are the same once canonical, or a value is not finite
     */
    @JsonCreator
    public static MetricValues of(final Map<String, ? extends Number> values) {
        SortedMap<String, Double> canonical = new TreeMap<>();
        values.forEach((name, value) -> {
            Objects.requireNonNull(value, () -> "metric " + name + " has no value");
            double number = value.doubleValue();
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("metric " + name + " is not a finite number: " + value);
            }
            if (canonical.put(canonical(name), number) != null) {
                throw new IllegalArgumentException("metric " + name + " is given twice");
            }
        });
        return new MetricValues(canonical);
    }

    /**
     * Returns no metrics at all.
     *
     * @return the empty metrics
     */
    public static MetricValues none() {
        return NONE;
    }

    /**
     * Returns the canonical form of a metric name: blanks around the name, the slice's {@code =}
     * and {@code ,} removed.
     *
     * @param name a metric name such as {@code accuracy [gender = F]}
     * @return its canonical form, such as {@code accuracy[gender=F]}
     */
    public static String canonical(final String name) {
        int open = name.indexOf('[');
        if (open < 0 || !name.endsWith("]")) {
            return name.strip();
        }
        StringBuilder result = new StringBuilder(name.substring(0, open).strip()).append('[');
        String[] conditions = name.substring(open + 1, name.length() - 1).split(",", -1);
        for (int i = 0; i < conditions.length; i++) {
            if (i > 0) {
                result.append(',');
            }
            String[] parts = conditions[i].split("=", 2);
            result.append(parts[0].strip());
            if (parts.length == 2) {
                result.append('=').append(parts[1].strip());
            }
        }
        return result.append(']').toString();
    }

    /**
     * Returns the name of a metric without its slice.
     *
     * @param name a metric name such as {@code accuracy[gender=F]}
     * @return its base name, such as {@code accuracy}
     */
    public static String baseName(final String name) {
        int open = name.indexOf('[');
        return (open < 0 ? name : name.substring(0, open)).strip();
    }

    /**
     * Returns the conditions of a slice metric's name.
     *
     * @param name a metric name such as {@code accuracy[gender=F,age=young]}
     * @return the attributes to their values, in the order written; empty for a metric over all rows
     */
    public static Map<String, String> sliceConditions(final String name) {
        String canonical = canonical(name);
        int open = canonical.indexOf('[');
        Map<String, String> conditions = new LinkedHashMap<>();
        if (open >= 0 && canonical.endsWith("]")) {
            for (String condition : canonical.substring(open + 1, canonical.length() - 1).split(",")) {
                String[] parts = condition.split("=", 2);
                conditions.put(parts[0], parts.length == 2 ? parts[1] : "");
            }
        }
        return Collections.unmodifiableMap(conditions);
    }

    /**
     * Returns the value of a metric.
     *
     * @param name the metric's name, canonical or not
     * @return its value, or empty when the model has no such metric
     */
    public OptionalDouble find(final String name) {
        Double value = values.get(canonical(name));
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * Returns the values of one metric per value of one slice attribute: for {@code accuracy} by
     * {@code gender}, the metrics {@code accuracy[gender=F]}, {@code accuracy[gender=M]}, … (slices
     * over several attributes at once are not included).
     *
     * @param metric    the metric's base name
     * @param attribute the slice attribute
     * @return the attribute's values to the metric's value on that slice, sorted by attribute value
     */
    public SortedMap<String, Double> slices(final String metric, final String attribute) {
        String prefix = metric.strip() + "[" + attribute.strip() + "=";
        SortedMap<String, Double> slices = new TreeMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.endsWith("]")) {
                String sliceValue = name.substring(prefix.length(), name.length() - 1);
                if (!sliceValue.contains(",")) {
                    slices.put(sliceValue, value);
                }
            }
        });
        return Collections.unmodifiableSortedMap(slices);
    }

    /**
     * Returns the names of all metrics, sorted.
     *
     * @return the canonical names
     */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(values.keySet()));
    }

    /**
     * Returns the metrics as a map.
     *
     * @return canonical names to values, sorted by name
     */
    @JsonValue
    public SortedMap<String, Double> asMap() {
        return values;
    }

    /**
     * Says whether there are no metrics.
     *
     * @return whether there are none
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof MetricValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
