package io.jenkins.plugins.mldelivery.core.validation;

/**
 * How often one rule was broken in some rows, the first rows that broke it and the first offending
 * value, mergeable chunk after chunk in file order.
 */
final class RuleTally {
    private long count;
    private final long[] rows = new long[Violation.EXAMPLE_ROWS];
    private int rowCount;
    private String example;

    void add(final long row, final String value) {
        count++;
        if (rowCount < rows.length) {
            rows[rowCount++] = row;
        }
        if (example == null) {
            example = value;
        }
    }

    void addCount(final long row) {
        add(row, null);
    }

    /** Folds the tally of a later chunk in, turning its row offsets into rows from {@code firstLine}. */
    void addAll(final RuleTally later, final long firstLine) {
        count += later.count;
        for (int i = 0; i < later.rowCount && rowCount < rows.length; i++) {
            rows[rowCount++] = firstLine + later.rows[i];
        }
        if (example == null) {
            example = later.example;
        }
    }

    long count() {
        return count;
    }

    java.util.List<Long> rows() {
        java.util.List<Long> list = new java.util.ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            list.add(rows[i]);
        }
        return list;
    }

    String example() {
        return example;
    }
}
