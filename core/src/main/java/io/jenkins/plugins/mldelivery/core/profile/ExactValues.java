package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Every non-missing value of a small numeric column, sorted, so that drift tests can run exactly on
 * small samples instead of on a sketch. A column keeps its exact values while it has at most
 * {@link #CAPACITY} of them; beyond that only the sketches remain. In JSON the values are stored
 * compactly as base64 of little-endian IEEE-754 doubles, which round-trips every bit.
 */
@JsonIgnoreProperties(value = {"count"}, allowGetters = true)
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"count", "values"})
public final class ExactValues {
    /** The largest number of values kept exactly. */
    public static final int CAPACITY = 10_000;

    private final double[] sorted;

    private ExactValues(final double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * Creates the exact values of a column.
     *
     * @param values the values in any order, none of them NaN
     * @return the values, sorted
     * @throws IllegalArgumentException if there are more than {@link #CAPACITY} values
     */
    public static ExactValues of(final double... values) {
        if (values.length > CAPACITY) {
            throw new IllegalArgumentException("at most " + CAPACITY + " exact values, found " + values.length);
        }
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new ExactValues(copy);
    }

    @JsonCreator
    static ExactValues fromBytes(@JsonProperty("values") final byte[] bytes) {
        if (bytes.length % Double.BYTES != 0) {
            throw new IllegalArgumentException("exact values must be a multiple of 8 bytes, found " + bytes.length);
        }
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return of(values);
    }

    @JsonProperty("values")
    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(sorted.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(sorted);
        return buffer.array();
    }

    /**
     * Returns the number of values.
     *
     * @return the count
     */
    @JsonProperty("count")
    public int count() {
        return sorted.length;
    }

    /**
     * Returns the values in ascending order.
     *
     * @return a copy of the sorted values
     */
    public double[] values() {
        return sorted.clone();
    }

    /**
     * Merges the values of two disjoint parts of a column, when they fit.
     *
     * @param other the values of the other part
     * @return all values, or {@code null} when there are more than {@link #CAPACITY}
     */
    public ExactValues mergeOrNull(final ExactValues other) {
        if (sorted.length + other.sorted.length > CAPACITY) {
            return null;
        }
        double[] merged = new double[sorted.length + other.sorted.length];
        int i = 0;
        int j = 0;
        int out = 0;
        while (i < sorted.length && j < other.sorted.length) {
            merged[out++] = Double.compare(sorted[i], other.sorted[j]) <= 0 ? sorted[i++] : other.sorted[j++];
        }
        while (i < sorted.length) {
            merged[out++] = sorted[i++];
        }
        while (j < other.sorted.length) {
            merged[out++] = other.sorted[j++];
        }
        return new ExactValues(merged);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ExactValues other && Arrays.equals(sorted, other.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return "ExactValues[count=" + sorted.length + "]";
    }
}
