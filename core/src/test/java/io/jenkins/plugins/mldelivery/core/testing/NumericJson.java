package io.jenkins.plugins.mldelivery.core.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares two JSON trees computed by different processes or machines: same structure, same
 * strings and booleans, numbers equal within a tolerance. Native numerical code (BLAS, libm, SciPy's
 * C and Fortran) may differ in the last digits from one machine to the next, so reference values
 * recomputed elsewhere are never compared bit for bit.
 */
public final class NumericJson {
    private final double relative;
    private final double absolute;

    private NumericJson(final double relative, final double absolute) {
        this.relative = relative;
        this.absolute = absolute;
    }

    /**
     * Returns a comparison that accepts numbers {@code a} and {@code b} with
     * {@code |a - b| <= max(absolute, relative * max(|a|, |b|))}.
     *
     * @param relative the relative tolerance
     * @param absolute the absolute tolerance, for values near zero (tiny p-values)
     * @return the comparison
     */
    public static NumericJson within(final double relative, final double absolute) {
        return new NumericJson(relative, absolute);
    }

    /**
     * Lists where two trees differ beyond the tolerance, one line per difference with its JSON path.
     *
     * @param actual the recomputed tree
     * @param expected the committed tree
     * @return the differences, empty when the trees agree
     */
    public List<String> differences(final JsonNode actual, final JsonNode expected) {
        List<String> found = new ArrayList<>();
        compare("$", actual, expected, found);
        return found;
    }

    private void compare(final String path, final JsonNode actual, final JsonNode expected, final List<String> found) {
        if (actual == null || expected == null) {
            found.add(path + ": " + (actual == null ? "missing" : "unexpected") + " (expected " + expected + ", found " + actual + ")");
        }
        else if (actual.isNumber() && expected.isNumber()) {
            double a = actual.doubleValue();
            double e = expected.doubleValue();
            double allowed = Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(e)));
            if (!(Math.abs(a - e) <= allowed) && !(Double.compare(a, e) == 0)) {
                found.add(path + ": expected " + e + ", found " + a + " (difference " + Math.abs(a - e) + " > " + allowed + ")");
            }
        }
        else if (actual.isObject() && expected.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            actual.fieldNames().forEachRemaining(names::add);
            expected.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path + "." + name, actual.get(name), expected.get(name), found);
            }
        }
        else if (actual.isArray() && expected.isArray()) {
            if (actual.size() != expected.size()) {
                found.add(path + ": expected " + expected.size() + " elements, found " + actual.size());
                return;
            }
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", actual.get(i), expected.get(i), found);
            }
        }
        else if (!actual.equals(expected)) {
            found.add(path + ": expected " + expected + ", found " + actual);
        }
    }
}
