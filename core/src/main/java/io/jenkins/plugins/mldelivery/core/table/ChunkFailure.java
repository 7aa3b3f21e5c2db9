package io.jenkins.plugins.mldelivery.core.table;

/**
 * A problem found while parsing a chunk, located by line offset within the chunk; the scan turns
 * it into a {@link io.jenkins.plugins.mldelivery.core.io.BadInputException} naming the absolute row
 * once it knows where the chunk starts (and that the chunk was not a wrong speculative guess).
 */
final class ChunkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int lineOffset;
    private final int column;
    private final boolean typeMismatch;

    ChunkFailure(final int lineOffset, final int column, final String problem) {
        this(lineOffset, column, problem, false);
    }

    ChunkFailure(final int lineOffset, final int column, final String problem, final boolean typeMismatch) {
        super(problem, null, false, false);
        this.lineOffset = lineOffset;
        this.column = column;
        this.typeMismatch = typeMismatch;
    }

    /** Returns whether a value did not fit its column's type (rather than the file being malformed). */
    boolean typeMismatch() {
        return typeMismatch;
    }

    int lineOffset() {
        return lineOffset;
    }

    /** Returns the column's index, or -1 when the problem is not in one column. */
    int column() {
        return column;
    }
}
