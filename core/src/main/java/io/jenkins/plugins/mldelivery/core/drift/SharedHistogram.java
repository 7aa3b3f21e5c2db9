package io.jenkins.plugins.mldelivery.core.drift;

import java.util.List;
import java.util.Objects;

/**
 * Both sides of a column as histograms on the same bins, for charts: the share of each side's
 * non-missing values in each bin (shares of a sketch are estimates within its rank error).
 * Numeric bins are (e_{i-1}, e_i], the first one closed at the smallest value; categorical bins are
 * the categories, most frequent in the reference first, the rest in one last bin "(other)".
 *
 * @param binning    {@code equal-width}, {@code reference-quantile} or {@code categories}
 * @param edges      the numeric bin edges (bins + 1 of them); empty for categories
 * @param categories the category of each bin; empty for numeric bins
 * @param reference  the reference's share in each bin
 * @param current    the current side's share in each bin
 */
public record SharedHistogram(String binning, List<Double> edges, List<String> categories, List<Double> reference,
        List<Double> current) {
    /** Copies the lists and checks that both sides have one share per bin. */
    public SharedHistogram {
        Objects.requireNonNull(binning, "binning");
        edges = List.copyOf(edges);
        categories = List.copyOf(categories);
        reference = List.copyOf(reference);
        current = List.copyOf(current);
        int bins = edges.isEmpty() ? categories.size() : edges.size() - 1;
        if (reference.size() != bins || current.size() != bins) {
            throw new IllegalArgumentException("expected " + bins + " shares per side, got "
                    + reference.size() + " and " + current.size());
        }
    }
}
