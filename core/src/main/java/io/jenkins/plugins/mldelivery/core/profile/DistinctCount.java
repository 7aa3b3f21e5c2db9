package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

import java.util.Arrays;
import java.util.Objects;

/**
 * The number of distinct non-missing values of a column: exact while the column's values are
 * counted exactly, and always an HLL sketch (Apache DataSketches' {@code HllSketch}, HyperLogLog of
 * Flajolet et al. 2007 with DataSketches' HIP and composite estimators) with lgK = {@value #LG_K}.
 *
 * <p>Error bound: none when {@link #isExact()}. Otherwise the true count lies within
 * [{@link #lowerBound()}, {@link #upperBound()}] (two standard deviations, about 95% confidence); the
 * relative standard error is about 1.04 / sqrt(2^lgK) = 1.6%.</p>
 */
@JsonIgnoreProperties(value = {"exact", "estimate", "lowerBound", "upperBound", "lgK"}, allowGetters = true)
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"exact", "estimate", "lowerBound", "upperBound", "lgK", "exactCount", "hll"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class DistinctCount {
    /** The log2 of the number of HLL registers. */
    public static final int LG_K = 12;
    private static final int STANDARD_DEVIATIONS = 2;

    private final byte[] hll;
    private final Long exactCount;
    private final HllSketch sketch;

    private DistinctCount(final byte[] hll, final Long exactCount) {
        this.hll = hll;
        this.exactCount = exactCount;
        this.sketch = HllSketch.heapify(hll);
    }

    /**
     * Creates a distinct count from a sketch and, when known, the exact count.
     *
     * @param sketch     the HLL sketch of the values; it is copied
     * @param exactCount the exact number of distinct values, or {@code null} when unknown
     * @return the distinct count
     */
    public static DistinctCount of(final HllSketch sketch, final Long exactCount) {
        return new DistinctCount(sketch.toCompactByteArray(), exactCount);
    }

    @JsonCreator
    static DistinctCount fromJson(@JsonProperty("hll") final byte[] hll, @JsonProperty("exactCount") final Long exactCount) {
        // keep the bytes as written: a heapified sketch may serialise its coupons in another order
        return new DistinctCount(Objects.requireNonNull(hll, "hll").clone(), exactCount);
    }

    /**
     * Merges the distinct counts of two parts of a column.
     *
     * @param other      the other part's count
     * @param exactCount the exact number of distinct values of both parts together, when known
     * @return the count of both parts
     */
    public DistinctCount merge(final DistinctCount other, final Long exactCount) {
        Union union = new Union(LG_K);
        union.update(sketch);
        union.update(other.sketch);
        return of(union.getResult(TgtHllType.HLL_8), exactCount);
    }

    /**
     * Returns whether the count is exact.
     *
     * @return {@code true} when the exact count is known
     */
    @JsonProperty("exact")
    public boolean isExact() {
        return exactCount != null;
    }

    /**
     * Returns the exact count when known, else the HLL estimate.
     *
     * @return the number of distinct values
     */
    @JsonProperty("estimate")
    public double estimate() {
        return exactCount != null ? exactCount : sketch.getEstimate();
    }

    /**
     * Returns a lower bound of the number of distinct values (about 95% confidence when estimated).
     *
     * @return the lower bound
     */
    @JsonProperty("lowerBound")
    public double lowerBound() {
        return exactCount != null ? exactCount : sketch.getLowerBound(STANDARD_DEVIATIONS);
    }

    /**
     * Returns an upper bound of the number of distinct values (about 95% confidence when estimated).
     *
     * @return the upper bound
     */
    @JsonProperty("upperBound")
    public double upperBound() {
        return exactCount != null ? exactCount : sketch.getUpperBound(STANDARD_DEVIATIONS);
    }

    @JsonProperty("lgK")
    int lgK() {
        return sketch.getLgConfigK();
    }

    @JsonProperty("exactCount")
    Long exactCount() {
        return exactCount;
    }

    @JsonProperty("hll")
    byte[] hllBytes() {
        return hll.clone();
    }

    /**
     * Returns a copy of the HLL sketch.
     *
     * @return the sketch
     */
    public HllSketch sketch() {
        return HllSketch.heapify(hll);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DistinctCount other && Arrays.equals(hll, other.hll)
                && Objects.equals(exactCount, other.exactCount);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hll) + Objects.hashCode(exactCount);
    }

    @Override
    public String toString() {
        return "DistinctCount[estimate=" + estimate() + (isExact() ? ", exact" : "") + "]";
    }
}
