package io.jenkins.plugins.mldelivery.core.validation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * One rule the data broke: which column, which rule, what was expected, what was found, how many
 * rows broke it, and up to {@link #EXAMPLE_ROWS} of them (row numbers count the header as row 1, so
 * they are line numbers unless a quoted field spans lines).
 *
 * @param column   the column, or {@code null} for a table-level rule
 * @param rule     the rule: {@code type}, {@code required}, {@code maxMissingRate}, {@code min},
 *                 {@code max}, {@code allowedValues}, {@code unique}, {@code pattern}, {@code minRows},
 *                 {@code maxRows} or {@code unexpectedColumn}
 * @param expected what the schema asks for
 * @param found    what the data holds
 * @param count    how many rows break the rule (0 for rules about the table or a column's presence)
 * @param rows     up to five example row numbers, in file order
 */
@JsonPropertyOrder({"column", "rule", "expected", "found", "count", "rows"})
public record Violation(String column, String rule, String expected, String found, long count, List<Long> rows) {
    /** The most example rows a violation lists. */
    public static final int EXAMPLE_ROWS = 5;

    /** Checks the fields and copies the rows. */
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        rows = List.copyOf(rows);
        if (rows.size() > EXAMPLE_ROWS) {
            throw new IllegalArgumentException("at most " + EXAMPLE_ROWS + " example rows, found " + rows.size());
        }
    }

    /**
     * Returns the violation as one line for people.
     *
     * @return e.g. {@code column 'age': min: expected >= 18, found 3 values below, the smallest 12 (rows 7, 19)}
     */
    public String describe() {
        StringBuilder line = new StringBuilder();
        if (column != null) {
            line.append("column '").append(column).append("': ");
        }
        line.append(rule).append(": expected ").append(expected).append(", found ").append(found);
        if (!rows.isEmpty()) {
            line.append(" (row").append(rows.size() > 1 ? "s " : " ");
            for (int i = 0; i < rows.size(); i++) {
                line.append(i == 0 ? "" : ", ").append(rows.get(i));
            }
            line.append(count > rows.size() ? ", ..." : "").append(')');
        }
        return line.toString();
    }
}
