package io.jenkins.plugins.mldelivery.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the one line that says why a compared column drifted or did not, with the numbers that decided.
 */
final class ColumnReasons {
    private ColumnReasons() {
        // static functions only
    }

    static String explain(final ColumnDrift column, final Double mainAdjusted, final boolean mainDrifted,
            final MissingShareDrift missing, final Double missingAdjusted, final boolean missingDrifted,
            final DriftPolicy policy) {
        boolean drifted = mainDrifted || missingDrifted;
        List<String> parts = new ArrayList<>();
        if (mainAdjusted == null) {
            parts.add(column.methodReason());
        }
        else if (mainDrifted || !drifted) {
            parts.add("distribution " + evidence(mainAdjusted, column.effectMeasure(), column.effectSize(),
                    column.threshold(), policy)
                    + (column.effectNearThreshold() ? " with the threshold inside the effect's error band ±"
                            + number(column.effectSizeErrorBand()) + ": the exact values could decide the size either way"
                            : ""));
        }
        if (missingAdjusted != null && (missingDrifted || mainAdjusted == null)) {
            parts.add(String.format(Locale.ROOT, "missing share %.1f%% → %.1f%% ", 100 * missing.referenceShare(),
                    100 * missing.currentShare()) + evidence(missingAdjusted, "change", missing.effectSize(),
                    missing.threshold(), policy));
        }
        return (drifted ? "drifted: " : "no drift: ") + String.join("; ", parts);
    }

    private static String evidence(final double adjusted, final String measure, final double effect,
            final double threshold, final DriftPolicy policy) {
        return String.format(Locale.ROOT, "(p_adj = %s %s %s, %s = %s %s %s)", number(adjusted),
                adjusted <= policy.alpha() ? "≤" : ">", number(policy.alpha()), measure, number(effect),
                effect >= threshold ? "≥" : "<", number(threshold));
    }

    private static String number(final double value) {
        return value != 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e4)
                ? String.format(Locale.ROOT, "%.2g", value)
                : String.format(Locale.ROOT, "%.3g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
