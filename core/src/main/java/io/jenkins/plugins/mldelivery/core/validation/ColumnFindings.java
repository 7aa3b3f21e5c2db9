package io.jenkins.plugins.mldelivery.core.validation;

/**
 * What the checks of one column found in some rows: a tally per rule, the extreme values beyond
 * the bounds, and the hashes of the values (a chunk's log) or the repeated values (the file's finder).
 */
final class ColumnFindings {
    final RuleTally type = new RuleTally();
    final RuleTally min = new RuleTally();
    final RuleTally max = new RuleTally();
    final RuleTally allowed = new RuleTally();
    final RuleTally pattern = new RuleTally();
    final RuleTally missing = new RuleTally();
    /** The file's finder of repeats, or {@code null} when the column need not be unique. */
    final DuplicateFinder duplicates;
    /** A chunk's log of hashes, or {@code null} for the file's findings or a column that need not be unique. */
    final DuplicateFinder.Log hashes;
    double smallest = Double.POSITIVE_INFINITY;
    double largest = Double.NEGATIVE_INFINITY;

    private ColumnFindings(final DuplicateFinder duplicates, final DuplicateFinder.Log hashes) {
        this.duplicates = duplicates;
        this.hashes = hashes;
    }

    /** Returns the findings of a whole file. */
    static ColumnFindings ofFile(final boolean unique) {
        return new ColumnFindings(unique ? new DuplicateFinder() : null, null);
    }

    /** Returns the findings of one chunk, whose hashes go to the file's finder when merged. */
    ColumnFindings ofChunk() {
        return new ColumnFindings(null, duplicates == null ? null : new DuplicateFinder.Log(duplicates));
    }

    /** Folds the findings of the next chunk into these findings of the file. */
    void addAll(final ColumnFindings chunk, final long firstLine) {
        type.addAll(chunk.type, firstLine);
        min.addAll(chunk.min, firstLine);
        max.addAll(chunk.max, firstLine);
        allowed.addAll(chunk.allowed, firstLine);
        pattern.addAll(chunk.pattern, firstLine);
        missing.addAll(chunk.missing, firstLine);
        smallest = Math.min(smallest, chunk.smallest);
        largest = Math.max(largest, chunk.largest);
        if (duplicates != null) {
            duplicates.addAll(chunk.hashes, firstLine);
        }
    }
}
