package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.drift.DriftPolicy;
import io.jenkins.plugins.mldelivery.core.drift.DriftPolicyFile;
import io.jenkins.plugins.mldelivery.core.drift.DriftReport;
import io.jenkins.plugins.mldelivery.core.drift.ProfileDrift;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.CategoryCounts;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.Timing;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The validate step on a saved profile of the current data instead of the data itself, so that a
 * build can gate on data it never reads (profiled where it lives, for example by the Spark job).
 * Drift needs nothing more than the two profiles. Of the schema's rules a profile decides: required
 * and unexpected columns, the column type, maxMissingRate, min and max (exact extremes), minRows and
 * maxRows; allowedValues and pattern while the column's values are counted exactly (up to
 * {@link CategoryCounts#CAPACITY} distinct values), unique while the distinct count is exact or its
 * sketch proves repeats. A rule it cannot decide is refused, naming the rule, rather than passed:
 * validate the rows for it. Violations found this way name no rows.
 */
public final class ProfileValidation {
    private ProfileValidation() {
        // static entry point only
    }

    /**
     * Tells whether a file is a saved profile rather than data (named {@code *.json}, or a JSON
     * object that names the profile's parts), the test {@code validate --reference} applies too.
     *
     * @param file the file
     * @return whether it is to be read as a profile
     */
    public static boolean isSavedProfile(final Path file) {
        return DataValidation.isProfile(file);
    }

    /**
     * Runs the step.
     *
     * @param request what to validate; its {@code data} is the current data's saved profile
     * @param clock   the clock for the timing
     * @return the result
     * @throws BadInputException naming the file, column and rule when an input cannot be read or a
     *                           schema rule cannot be decided from a profile
     */
    public static ValidationResult run(final ValidationRequest request, final Clock clock) {
        Instant start = clock.instant();
        DatasetProfile current = DatasetProfile.read(request.data());
        Schema schema = request.schema() == null ? null : Schema.read(request.schema());
        DriftPolicy policy = request.driftPolicy() == null ? DriftPolicy.defaults() : DriftPolicyFile.read(request.driftPolicy());
        Map<String, ColumnType> declared = new LinkedHashMap<>();
        current.columns().forEach(column -> declared.put(column.name(), column.type()));
        DatasetProfile reference = request.reference() == null ? null : DataValidation.reference(request, declared);
        List<Violation> violations = schema == null ? List.of() : violations(schema, request.schema(), current);
        DriftReport drift = reference == null ? null : ProfileDrift.compare(reference, current, policy);
        Status status = violations.isEmpty() ? Status.PASSED : Status.FAILED;
        if (drift != null) {
            status = status.and(drift.status());
        }
        List<InputIdentity> inputs = new ArrayList<>();
        inputs.add(InputIdentity.of(request.data()));
        if (request.schema() != null) {
            inputs.add(InputIdentity.of(request.schema()));
        }
        if (request.reference() != null) {
            inputs.add(reference.source() != null && !DataValidation.isProfile(request.reference()) ? reference.source()
                    : InputIdentity.of(request.reference()));
        }
        if (request.driftPolicy() != null) {
            inputs.add(InputIdentity.of(request.driftPolicy()));
        }
        return new ValidationResult(status, Timing.since(start, clock), inputs, current.rows(), violations, drift);
    }

    static List<Violation> violations(final Schema schema, final Path schemaFile, final DatasetProfile profile) {
        List<Violation> violations = new ArrayList<>();
        List<String> columns = profile.columnNames();
        for (Map.Entry<String, ColumnRules> entry : schema.columns().entrySet()) {
            String name = entry.getKey();
            ColumnRules rules = entry.getValue();
            int index = columns.indexOf(name);
            if (index < 0) {
                if (rules.isRequired()) {
                    violations.add(new Violation(name, "required", "the column to be present", "no such column in the profile",
                            0, List.of()));
                }
                continue;
            }
            ColumnProfile column = profile.columns().get(index);
            ColumnType type = rules.type() == null ? column.type() : rules.type();
            if (type != column.type() && type.widen(column.type()) != type) {
                violations.add(new Violation(name, "type", type.jsonName(), "the profile's type " + column.type(), column.count(),
                        List.of()));
                continue;
            }
            ColumnCheck check = ColumnCheck.compile(schemaFile, index, name, column.type(), rules);
            columnViolations(violations, schemaFile, check, column);
        }
        if (!schema.allowsUnexpectedColumns()) {
            for (String column : columns) {
                if (!schema.columns().containsKey(column)) {
                    violations.add(new Violation(column, "unexpectedColumn", "only the columns the schema lists",
                            "a column the schema does not list (set allowUnexpectedColumns to allow it)", 0, List.of()));
                }
            }
        }
        SchemaChecks.addRowCountViolations(violations, schema, profile.rows());
        return violations;
    }

    private static void columnViolations(final List<Violation> violations, final Path schemaFile, final ColumnCheck check,
            final ColumnProfile column) {
        String name = check.name();
        ColumnRules rules = check.rules();
        if (rules.maxMissingRate() != null && column.missingRate() > rules.maxMissingRate()) {
            violations.add(new Violation(name, "maxMissingRate", "at most " + ValidationMessages.rate(rules.maxMissingRate()),
                    ValidationMessages.rate(column.missingRate()) + " (" + column.missing() + " of "
                            + ValidationMessages.rows(column.count() + column.missing()) + " missing)", column.missing(), List.of()));
        }
        if (column.numeric() != null && column.count() > 0) {
            double smallest = column.numeric().moments().min();
            double largest = column.numeric().moments().max();
            if (!Double.isNaN(check.min()) && smallest < check.min()) {
                violations.add(new Violation(name, "min", ">= " + ValidationMessages.number(check.type(), check.min()),
                        "the smallest " + ValidationMessages.number(check.type(), smallest)
                                + " (a profile does not count the rows below)", 0, List.of()));
            }
            if (!Double.isNaN(check.max()) && largest > check.max()) {
                violations.add(new Violation(name, "max", "<= " + ValidationMessages.number(check.type(), check.max()),
                        "the largest " + ValidationMessages.number(check.type(), largest)
                                + " (a profile does not count the rows above)", 0, List.of()));
            }
        }
        if (check.allowedText() != null || check.allowedNumber() != null || check.pattern() != null) {
            valueRules(violations, schemaFile, check, column);
        }
        if (rules.isUnique()) {
            unique(violations, schemaFile, name, column);
        }
    }

    private static void valueRules(final List<Violation> violations, final Path schemaFile, final ColumnCheck check,
            final ColumnProfile column) {
        CategoryCounts categories = column.categories();
        String rule = check.pattern() != null && check.allowedText() == null && check.allowedNumber() == null ? "pattern"
                : "allowedValues";
        if (categories == null || !categories.isExact()) {
            throw undecidable(schemaFile, check.name(), rule, "the profile counts the column's values only as a sketch"
                    + " (more than " + CategoryCounts.CAPACITY + " distinct values)");
        }
        long notAllowed = 0;
        String notAllowedExample = null;
        long unmatched = 0;
        String unmatchedExample = null;
        for (Map.Entry<String, Long> entry : categories.counts().entrySet()) {
            String value = entry.getKey();
            if (check.allowedText() != null && !check.allowedText().contains(value)
                    || check.allowedNumber() != null && !allowedNumber(check, value, schemaFile)) {
                notAllowed += entry.getValue();
                notAllowedExample = notAllowedExample == null ? value : notAllowedExample;
            }
            if (check.pattern() != null && !check.pattern().matcher(value).matches()) {
                unmatched += entry.getValue();
                unmatchedExample = unmatchedExample == null ? value : unmatchedExample;
            }
        }
        if (notAllowed > 0) {
            violations.add(new Violation(check.name(), "allowedValues", ValidationMessages.values(check.rules().allowedValues()),
                    ValidationMessages.rows(notAllowed) + " with other values, e.g. " + ValidationMessages.quoted(notAllowedExample),
                    notAllowed, List.of()));
        }
        if (unmatched > 0) {
            violations.add(new Violation(check.name(), "pattern", "every value to match " + check.rules().pattern(),
                    ValidationMessages.rows(unmatched) + " that do not, e.g. " + ValidationMessages.quoted(unmatchedExample),
                    unmatched, List.of()));
        }
    }

    private static boolean allowedNumber(final ColumnCheck check, final String value, final Path schemaFile) {
        OptionalDouble number = check.type().numericValue(value);
        if (number.isEmpty()) {
            throw undecidable(schemaFile, check.name(), "allowedValues", "the profile lists the value '" + value
                    + "', which does not read as a " + check.type());
        }
        return Arrays.binarySearch(check.allowedNumber(), number.getAsDouble()) >= 0;
    }

    private static void unique(final List<Violation> violations, final Path schemaFile, final String name,
            final ColumnProfile column) {
        if (column.distinct().isExact()) {
            long repeats = column.count() - Math.round(column.distinct().estimate());
            if (repeats > 0) {
                violations.add(new Violation(name, "unique", "every value to be distinct", ValidationMessages.rows(repeats)
                        + " repeating an earlier value", repeats, List.of()));
            }
            return;
        }
        double upper = column.distinct().upperBound();
        if (upper < column.count()) {
            long repeats = column.count() - (long) Math.ceil(upper);
            violations.add(new Violation(name, "unique", "every value to be distinct", "at least "
                    + ValidationMessages.rows(repeats) + " repeating an earlier value (from the distinct-count sketch's upper bound)",
                    repeats, List.of()));
            return;
        }
        throw undecidable(schemaFile, name, "unique", "the profile's distinct count is a sketch whose bounds ("
                + Math.round(column.distinct().lowerBound()) + ".." + Math.round(upper) + ") include the " + column.count()
                + " values");
    }

    private static BadInputException undecidable(final Path schemaFile, final String column, final String rule,
            final String why) {
        return new BadInputException(schemaFile + ", column '" + column + "': the rule '" + rule
                + "' cannot be decided from a profile: " + why + "; validate the data itself (--data) for this rule");
    }
}
