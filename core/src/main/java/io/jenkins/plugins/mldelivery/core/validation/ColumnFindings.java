package io.jenkins.plugins.mldelivery.core.validation;

/**
 * What the checks of one column found in some rows: a tally per rule, the extreme values beyond
 * the bounds, and the repeated values.
 */
final class ColumnFindings {
    final RuleTally type = new RuleTally();
    final RuleTally min = new RuleTally();
    final RuleTally max = new RuleTally();
    final RuleTally allowed = new RuleTally();
    final RuleTally pattern = new RuleTally();
    final RuleTally missing = new RuleTally();
    final DuplicateFinder duplicates;
    double smallest = Double.POSITIVE_INFINITY;
    double largest = Double.NEGATIVE_INFINITY;

    ColumnFindings(final boolean unique) {
        duplicates = unique ? new DuplicateFinder() : null;
    }

    void addAll(final ColumnFindings later, final long firstLine) {
        type.addAll(later.type, firstLine);
        min.addAll(later.min, firstLine);
        max.addAll(later.max, firstLine);
        allowed.addAll(later.allowed, firstLine);
        pattern.addAll(later.pattern, firstLine);
        missing.addAll(later.missing, firstLine);
        smallest = Math.min(smallest, later.smallest);
        largest = Math.max(largest, later.largest);
        if (duplicates != null) {
            duplicates.addAll(later.duplicates, firstLine);
        }
    }
}
