package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A column's schema rules compiled for streaming: bounds as doubles, allowed values as a set (or
 * sorted numbers), the pattern compiled once.
 *
 * @param column        the column's index in the data
 * @param name          its name
 * @param type          the type the data is read with
 * @param rules         the rules as written
 * @param min           the lower bound, or NaN
 * @param max           the upper bound, or NaN
 * @param allowedText   the allowed values of a string or boolean column, or {@code null}
 * @param allowedNumber the allowed values of a numeric column, sorted, or {@code null}
 * @param pattern       the pattern, or {@code null}
 */
record ColumnCheck(int column, String name, ColumnType type, ColumnRules rules, double min, double max,
        Set<String> allowedText, double[] allowedNumber, Pattern pattern) {

    static ColumnCheck compile(final Path schemaFile, final int column, final String name, final ColumnType type,
            final ColumnRules rules) {
        double min = bound(schemaFile, name, type, "min", rules.min());
        double max = bound(schemaFile, name, type, "max", rules.max());
        Set<String> allowedText = null;
        double[] allowedNumber = null;
        List<String> allowed = rules.allowedValues();
        if (allowed != null) {
            if (type.isNumeric()) {
                allowedNumber = new double[allowed.size()];
                for (int i = 0; i < allowed.size(); i++) {
                    OptionalDouble value = type.numericValue(allowed.get(i));
                    if (value.isEmpty()) {
                        throw new BadInputException(schemaFile + ": column '" + name + "': allowedValues holds '" + allowed.get(i)
                                + "', which is not a value of type " + type);
                    }
                    allowedNumber[i] = value.getAsDouble();
                }
                Arrays.sort(allowedNumber);
            }
            else if (type == ColumnType.BOOLEAN) {
                allowedText = new HashSet<>();
                for (String value : allowed) {
                    String canonical = ColumnType.booleanValue(value);
                    if (canonical == null) {
                        throw new BadInputException(schemaFile + ": column '" + name + "': allowedValues holds '" + value
                                + "', which is not a boolean (true/false, yes/no, t/f, y/n in any case)");
                    }
                    allowedText.add(canonical);
                }
            }
            else {
                allowedText = new HashSet<>(allowed);
            }
        }
        Pattern pattern = null;
        if (rules.pattern() != null) {
            try {
                pattern = Pattern.compile(rules.pattern());
            }
            catch (PatternSyntaxException e) {
                throw new BadInputException(schemaFile + ": column '" + name + "': pattern is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        if (!type.isNumeric() && (!Double.isNaN(min) || !Double.isNaN(max))) {
            throw new BadInputException(schemaFile + ": column '" + name + "': min and max apply to numeric and date-time columns, not "
                    + type);
        }
        return new ColumnCheck(column, name, type, rules, min, max, allowedText, allowedNumber, pattern);
    }

    private static double bound(final Path schemaFile, final String name, final ColumnType type, final String key,
            final Object bound) {
        if (bound == null) {
            return Double.NaN;
        }
        if (bound instanceof Number number) {
            return number.doubleValue();
        }
        OptionalDouble value = type.numericValue(bound.toString());
        if (value.isEmpty()) {
            throw new BadInputException(schemaFile + ": column '" + name + "': " + key + " '" + bound
                    + "' is not a value of type " + type);
        }
        return value.getAsDouble();
    }

    boolean checksValues() {
        return !Double.isNaN(min) || !Double.isNaN(max) || allowedText != null || allowedNumber != null || pattern != null
                || rules.isUnique() || declaresInteger() || rules.maxMissingRate() != null;
    }

    boolean declaresInteger() {
        return rules.type() == ColumnType.INTEGER;
    }

    /** A verdict bit: the value is not among the allowed values. */
    static final int NOT_ALLOWED = 1;
    /** A verdict bit: the value does not match the pattern. */
    static final int NO_MATCH = 2;
    /** A verdict bit: the verdict was computed (for caches). */
    static final int KNOWN = 4;

    int verdict(final String value) {
        int verdict = KNOWN;
        // booleans compare by value, whatever their spelling
        String compared = type == ColumnType.BOOLEAN && ColumnType.booleanValue(value) != null ? ColumnType.booleanValue(value) : value;
        if (allowedText != null && !allowedText.contains(compared)) {
            verdict |= NOT_ALLOWED;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            verdict |= NO_MATCH;
        }
        return verdict;
    }

    boolean checksText() {
        return allowedText != null || pattern != null;
    }
}
