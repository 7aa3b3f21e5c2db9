package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Arrays;

/**
 * Counts of a numeric column's values in equal-width bins, for charts. Bin {@code i} holds the
 * values in [{@code edges[i]}, {@code edges[i + 1]}), the last bin also its upper edge.
 *
 * @param edges  the bin edges, one more than the bins, ascending
 * @param counts the number of values in each bin
 * @param exact  whether the counts are exact; otherwise each is within the quantile sketch's
 *               normalised rank error times n of the true count, twice over (it is a difference
 *               of two ranks)
 */
@JsonPropertyOrder({"exact", "edges", "counts"})
public record Histogram(double[] edges, long[] counts, boolean exact) {
    /** Checks that there is one more edge than there are counts. */
    public Histogram {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram needs one more edge than counts: "
                    + edges.length + " edges, " + counts.length + " counts");
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Histogram other && exact == other.exact && Arrays.equals(edges, other.edges)
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(edges) + Arrays.hashCode(counts)) + Boolean.hashCode(exact);
    }

    @Override
    public String toString() {
        return "Histogram[edges=" + Arrays.toString(edges) + ", counts=" + Arrays.toString(counts) + ", exact=" + exact + "]";
    }
}
