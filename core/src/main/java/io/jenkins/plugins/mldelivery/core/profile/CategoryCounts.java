package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How often each value of a column occurs: exact counts while the column has at most
 * {@link #CAPACITY} distinct values, else a frequent-items sketch (Apache DataSketches'
 * {@code frequencies.ItemsSketch}, the Misra-Gries algorithm with the reverse-purge map of Anderson
 * et al., "A High-Performance Algorithm for Identifying Frequent Items in Data Streams", IMC 2017).
 *
 * <p>Error bound: exact counts have none. A sketched count is within {@link #maximumError()} of
 * the true count, deterministically; that error is at most 3.5 / {@value #SKETCH_MAP_SIZE} of the
 * total (0.17%).</p>
 */
@JsonIgnoreProperties(value = {"total", "exact", "distinct", "maximumError", "frequentItems"}, allowGetters = true)
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"total", "exact", "distinct", "maximumError", "counts", "frequentItems", "sketch"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CategoryCounts {
    /** The largest number of distinct values of a string or boolean column counted exactly. */
    public static final int CAPACITY = 1_000;
    /** The largest number of distinct values of a numeric column counted exactly (beyond, the quantile sketch describes it). */
    public static final int NUMERIC_CAPACITY = 1_000;
    /** The map size of the frequent-items sketch used beyond {@link #CAPACITY}. */
    public static final int SKETCH_MAP_SIZE = 2048;

    private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();
    private static final Comparator<Map.Entry<String, Long>> BY_COUNT_THEN_VALUE =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private final long total;
    /** Exact counts ordered by count (descending) then value, or {@code null} when sketched. */
    private final Map<String, Long> exact;
    private final byte[] sketch;

    private CategoryCounts(final long total, final Map<String, Long> exact, final byte[] sketch) {
        this.total = total;
        this.exact = exact;
        this.sketch = sketch;
    }

    /**
     * Creates exact counts, or a sketch of them if there are more than {@link #CAPACITY} values.
     *
     * @param counts the count of each value, all positive
     * @return the counts
     */
    public static CategoryCounts of(final Map<String, Long> counts) {
        if (counts.size() > CAPACITY) {
            return sketched(toSketch(counts));
        }
        long total = 0;
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.size());
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            long count = Objects.requireNonNull(entry.getValue(), "count");
            if (count <= 0) {
                throw new IllegalArgumentException("count of '" + entry.getKey() + "' must be positive: " + count);
            }
            total += count;
            entries.add(Map.entry(Objects.requireNonNull(entry.getKey(), "value"), count));
        }
        entries.sort(BY_COUNT_THEN_VALUE);
        Map<String, Long> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new CategoryCounts(total, Collections.unmodifiableMap(ordered), null);
    }

    /**
     * Creates sketched counts.
     *
     * @param sketch the frequent-items sketch; it is copied
     * @return the counts
     */
    public static CategoryCounts sketched(final ItemsSketch<String> sketch) {
        return new CategoryCounts(sketch.getStreamLength(), null, sketch.toByteArray(SERDE));
    }

    @JsonCreator
    static CategoryCounts fromJson(@JsonProperty("counts") final List<ValueCount> counts,
            @JsonProperty("sketch") final byte[] sketch) {
        if (sketch != null) {
            // keep the bytes as written (a re-serialised sketch may order its map differently), once they are known to be valid
            ItemsSketch<String> items = ItemsSketch.getInstance(Memory.wrap(sketch), SERDE);
            return new CategoryCounts(items.getStreamLength(), null, sketch.clone());
        }
        Map<String, Long> map = new LinkedHashMap<>();
        for (ValueCount valueCount : counts == null ? List.<ValueCount>of() : counts) {
            map.merge(valueCount.value(), valueCount.count(), Long::sum);
        }
        return of(map);
    }

    private static ItemsSketch<String> toSketch(final Map<String, Long> counts) {
        ItemsSketch<String> sketch = new ItemsSketch<>(SKETCH_MAP_SIZE);
        // a fixed insertion order keeps the sketch deterministic whatever order the map has
        new TreeMap<>(counts).forEach(sketch::update);
        return sketch;
    }

    private ItemsSketch<String> itemsSketch() {
        return exact != null ? toSketch(exact) : ItemsSketch.getInstance(Memory.wrap(sketch), SERDE);
    }

    /**
     * Merges the counts of two disjoint parts of a column.
     *
     * @param other the counts of the other part
     * @return exact counts when both are exact and together have at most {@link #CAPACITY}
     *         values, else a merged sketch
     */
    public CategoryCounts merge(final CategoryCounts other) {
        if (exact != null && other.exact != null) {
            Map<String, Long> merged = new TreeMap<>(exact);
            other.exact.forEach((value, count) -> merged.merge(value, count, Long::sum));
            return of(merged);
        }
        ItemsSketch<String> merged = itemsSketch();
        merged.merge(other.itemsSketch());
        return sketched(merged);
    }

    /**
     * Returns the number of non-missing values counted.
     *
     * @return the total count
     */
    @JsonProperty("total")
    public long total() {
        return total;
    }

    /**
     * Returns whether every count is exact.
     *
     * @return {@code true} unless the column had more than {@link #CAPACITY} distinct values
     */
    @JsonProperty("exact")
    public boolean isExact() {
        return exact != null;
    }

    /**
     * Returns the number of distinct values, when counted exactly.
     *
     * @return the number of distinct values, or {@code null} when sketched
     */
    @JsonProperty("distinct")
    public Integer distinct() {
        return exact == null ? null : exact.size();
    }

    /**
     * Returns the largest difference between an estimated and a true count.
     *
     * @return 0 when exact, else the sketch's maximum error
     */
    @JsonProperty("maximumError")
    public long maximumError() {
        return exact == null ? itemsSketch().getMaximumError() : 0;
    }

    /**
     * Returns the counts: every value when exact, else the frequent values the sketch can vouch
     * for (their estimated counts; no value with a true count above {@link #maximumError()} is left out).
     *
     * @return value to count, by count descending then value
     */
    public Map<String, Long> counts() {
        if (exact != null) {
            return exact;
        }
        Map<String, Long> estimates = new LinkedHashMap<>();
        frequentItems().forEach(f -> estimates.put(f.value(), f.count()));
        return Collections.unmodifiableMap(estimates);
    }

    /**
     * Returns the values certainly counted right to within {@link #maximumError()}: every value when
     * exact; when sketched, the values whose count is certainly above the sketch's maximum error
     * (DataSketches' {@code ErrorType.NO_FALSE_POSITIVES} rows), so two sketches of the same
     * distribution name the same frequent values and leave the long tail to the untracked rest.
     *
     * @return the values, by count descending then value
     */
    public List<String> certainValues() {
        if (exact != null) {
            return List.copyOf(exact.keySet());
        }
        List<ItemsSketch.Row<String>> rows = new ArrayList<>(List.of(itemsSketch().getFrequentItems(ErrorType.NO_FALSE_POSITIVES)));
        rows.sort(Comparator.comparingLong((ItemsSketch.Row<String> row) -> row.getEstimate()).reversed()
                .thenComparing(ItemsSketch.Row::getItem));
        List<String> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(row.getItem()));
        return values;
    }

    /**
     * Returns the count of one value: exact, or the sketch's estimate, which is 0 for a value the
     * sketch does not track (its true count is then at most {@link #maximumError()}).
     *
     * @param value the value
     * @return its (estimated) count
     */
    public long estimate(final String value) {
        if (exact != null) {
            return exact.getOrDefault(value, 0L);
        }
        return itemsSketch().getEstimate(value);
    }

    @JsonProperty("counts")
    List<ValueCount> exactCountsForJson() {
        if (exact == null) {
            return null;
        }
        List<ValueCount> list = new ArrayList<>(exact.size());
        exact.forEach((value, count) -> list.add(new ValueCount(value, count)));
        return list;
    }

    @JsonProperty("frequentItems")
    List<Frequency> sketchedItemsForJson() {
        return exact == null ? frequentItems() : null;
    }

    /**
     * Returns the frequent values with their estimated counts and bounds; when exact, every value
     * with its count as both bounds.
     *
     * @return the values by estimated count descending, then value
     */
    public List<Frequency> frequentItems() {
        if (exact != null) {
            List<Frequency> list = new ArrayList<>(exact.size());
            exact.forEach((value, count) -> list.add(new Frequency(value, count, count, count)));
            return list;
        }
        ItemsSketch<String> items = itemsSketch();
        List<Frequency> list = new ArrayList<>();
        for (ItemsSketch.Row<String> row : items.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
            list.add(new Frequency(row.getItem(), row.getEstimate(), row.getLowerBound(), row.getUpperBound()));
        }
        list.sort(Comparator.comparingLong(Frequency::count).reversed().thenComparing(Frequency::value));
        return list;
    }

    @JsonProperty("sketch")
    byte[] sketchBytes() {
        return sketch == null ? null : sketch.clone();
    }

    /**
     * Returns a copy of the frequent-items sketch (built from the exact counts when exact).
     *
     * @return the sketch
     */
    public ItemsSketch<String> sketch() {
        return itemsSketch();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof CategoryCounts other && total == other.total && Objects.equals(exact, other.exact)
                && Arrays.equals(sketch, other.sketch);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(total, exact) + Arrays.hashCode(sketch);
    }

    @Override
    public String toString() {
        return "CategoryCounts[total=" + total + (exact != null ? ", distinct=" + exact.size() : ", sketched") + "]";
    }

    /**
     * One value's exact count, as written in JSON.
     *
     * @param value the value
     * @param count how often it occurs
     */
    @JsonPropertyOrder({"value", "count"})
    record ValueCount(String value, long count) {
    }

    /**
     * One value's count, with bounds when the count is estimated.
     *
     * @param value      the value
     * @param count      its (estimated) count
     * @param lowerBound a lower bound of its true count
     * @param upperBound an upper bound of its true count
     */
    @JsonPropertyOrder({"value", "count", "lowerBound", "upperBound"})
    public record Frequency(String value, long count, long lowerBound, long upperBound) {
        /** Checks the value is present. */
        public Frequency {
            Objects.requireNonNull(value, "value");
        }
    }
}
