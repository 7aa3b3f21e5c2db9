package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.DelimiterDetection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A schema applied to a table with a given header: the checks that run while the data streams,
 * and the violations found before (absent and unexpected columns) and after the scan (missing
 * rates, row counts, and what the streaming checks found).
 */
final class SchemaChecks {
    private final Schema schema;
    private final List<ColumnCheck> checks = new ArrayList<>();
    private final List<Violation> headerViolations = new ArrayList<>();

    SchemaChecks(final Schema schema, final Path schemaFile, final List<String> columns, final List<ColumnType> types) {
        this.schema = schema;
        String absent = "no such column in the header" + delimiterHint(columns);
        for (Map.Entry<String, ColumnRules> entry : schema.columns().entrySet()) {
            int index = columns.indexOf(entry.getKey());
            if (index < 0) {
                if (entry.getValue().isRequired()) {
                    headerViolations.add(new Violation(entry.getKey(), "required", "the column to be present",
                            absent, 0, List.of(1L)));
                }
                continue;
            }
            ColumnCheck check = ColumnCheck.compile(schemaFile, index, entry.getKey(), types.get(index), entry.getValue());
            if (check.checksValues()) {
                checks.add(check);
            }
        }
        if (!schema.allowsUnexpectedColumns()) {
            for (String column : columns) {
                if (!schema.columns().containsKey(column)) {
                    headerViolations.add(new Violation(column, "unexpectedColumn", "only the columns the schema lists",
                            "a column the schema does not list (set allowUnexpectedColumns to allow it)", 0, List.of(1L)));
                }
            }
        }
    }

    /** Adds a violation when the row count is outside the schema's {@code rows} bounds (rules on the whole table). */
    static void addRowCountViolations(final List<Violation> violations, final Schema schema, final long rows) {
        Schema.RowBounds bounds = schema.rows();
        if (bounds != null && bounds.min() != null && rows < bounds.min()) {
            violations.add(new Violation(null, "minRows", "at least " + ValidationMessages.rows(bounds.min()),
                    ValidationMessages.rows(rows), 0, List.of()));
        }
        if (bounds != null && bounds.max() != null && rows > bounds.max()) {
            violations.add(new Violation(null, "maxRows", "at most " + ValidationMessages.rows(bounds.max()),
                    ValidationMessages.rows(rows), 0, List.of()));
        }
    }

    /** A header read as one column that holds another delimiter was most likely split with the wrong one. */
    private static String delimiterHint(final List<String> columns) {
        if (columns.size() != 1) {
            return "";
        }
        for (char delimiter : DelimiterDetection.CANDIDATES) {
            if (columns.get(0).indexOf(delimiter) >= 0) {
                String name = new DelimiterDetection(delimiter, "given").delimiterName();
                return " (the header was read as one column, '" + columns.get(0) + "', which holds a " + name
                        + ": is the data " + name + "-separated? --delimiter " + name + ")";
            }
        }
        return "";
    }

    List<ColumnCheck> checks() {
        return checks;
    }

    /**
     * Returns every violation, in column order of the schema, then table-level ones.
     *
     * @param profile  the profile of the data
     * @param findings what the streaming checks found, one per check
     * @return the violations
     */
    List<Violation> violations(final DatasetProfile profile, final ColumnFindings[] findings) {
        List<Violation> violations = new ArrayList<>(headerViolations);
        for (int i = 0; i < checks.size(); i++) {
            ColumnCheck check = checks.get(i);
            ColumnFindings found = findings[i];
            ColumnProfile column = profile.column(check.name()).orElseThrow();
            addColumnViolations(violations, check, found, column);
        }
        addRowCountViolations(violations, schema, profile.rows());
        return violations;
    }

    private static void addColumnViolations(final List<Violation> violations, final ColumnCheck check,
            final ColumnFindings found, final ColumnProfile column) {
        String name = check.name();
        ColumnRules rules = check.rules();
        if (found.type.count() > 0) {
            violations.add(new Violation(name, "type", "integer", ValidationMessages.rows(found.type.count())
                    + " with a fraction, e.g. " + found.type.example(), found.type.count(), found.type.rows()));
        }
        if (rules.maxMissingRate() != null && column.missingRate() > rules.maxMissingRate()) {
            violations.add(new Violation(name, "maxMissingRate", "at most " + ValidationMessages.rate(rules.maxMissingRate()),
                    ValidationMessages.rate(column.missingRate()) + " (" + column.missing() + " of "
                            + ValidationMessages.rows(column.rows()) + " missing)",
                    column.missing(), found.missing.rows()));
        }
        if (found.min.count() > 0) {
            violations.add(new Violation(name, "min", ">= " + ValidationMessages.number(check.type(), check.min()),
                    ValidationMessages.rows(found.min.count()) + " below, the smallest "
                            + ValidationMessages.number(check.type(), found.smallest), found.min.count(), found.min.rows()));
        }
        if (found.max.count() > 0) {
            violations.add(new Violation(name, "max", "<= " + ValidationMessages.number(check.type(), check.max()),
                    ValidationMessages.rows(found.max.count()) + " above, the largest "
                            + ValidationMessages.number(check.type(), found.largest), found.max.count(), found.max.rows()));
        }
        if (found.allowed.count() > 0) {
            violations.add(new Violation(name, "allowedValues", ValidationMessages.values(rules.allowedValues()),
                    ValidationMessages.rows(found.allowed.count()) + " with other values, e.g. "
                            + ValidationMessages.quoted(found.allowed.example()), found.allowed.count(), found.allowed.rows()));
        }
        if (found.pattern.count() > 0) {
            violations.add(new Violation(name, "pattern", "every value to match " + rules.pattern(),
                    ValidationMessages.rows(found.pattern.count()) + " that do not, e.g. "
                            + ValidationMessages.quoted(found.pattern.example()), found.pattern.count(), found.pattern.rows()));
        }
        if (found.duplicates != null && found.duplicates.duplicates() > 0) {
            double rate = found.duplicates.samplingRate();
            String sampled = rate < 1 ? String.format(java.util.Locale.ROOT,
                    " (at least; beyond %d distinct values repeats are sampled by hash, %.3g of them checked)",
                    DuplicateFinder.CAPACITY, rate) : "";
            List<Long> rows = new ArrayList<>();
            for (long row : found.duplicates.exampleRows()) {
                rows.add(row);
            }
            violations.add(new Violation(name, "unique", "every value to be distinct",
                    ValidationMessages.rows(found.duplicates.duplicates()) + " repeating an earlier value" + sampled,
                    found.duplicates.duplicates(), rows));
        }
    }
}
