package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares a current dataset's columns with a reference's under a {@link DriftPolicy}: measures
 * each column, corrects all p-values together (the main test and the missing-share test of every
 * column form one family), decides each column, then the dataset.
 */
public final class DriftAnalysis {
    private DriftAnalysis() {
        // static entry points only
    }

    /**
     * Compares two datasets column by column.
     *
     * @param reference the reference's columns by name, in the order to report them
     * @param current   the current data's columns by name (columns only here come after the reference's)
     * @param policy    when a column and the dataset drift
     * @return the drift report
     * @throws BadInputException when the policy names a column in neither dataset, or gives a column
     *                           an effect measure that does not apply to its type
     */
    public static DriftReport compare(final Map<String, ? extends ColumnDistribution> reference,
            final Map<String, ? extends ColumnDistribution> current, final DriftPolicy policy) {
        Set<String> names = new LinkedHashSet<>(reference.keySet());
        names.addAll(current.keySet());
        for (String name : policy.columns().keySet()) {
            if (!names.contains(name)) {
                throw new BadInputException("drift policy: column '" + name + "' is in neither the reference nor the current data");
            }
        }
        List<ColumnDrift> measured = new ArrayList<>();
        for (String name : names) {
            measured.add(measure(name, reference.get(name), current.get(name), policy));
        }
        return decide(measured, policy);
    }

    private static ColumnDrift measure(final String name, final ColumnDistribution reference,
            final ColumnDistribution current, final DriftPolicy policy) {
        ColumnPolicy columnPolicy = policy.column(name);
        String type = reference != null ? reference.type() : current.type();
        boolean critical = columnPolicy.critical();
        if (columnPolicy.ignored()) {
            return ColumnDrift.notCompared(name, type, critical, "ignored by the drift policy", reference, current);
        }
        if (reference == null || current == null) {
            String side = reference == null ? "reference" : "current data";
            return ColumnDrift.notCompared(name, type, critical, "absent from the " + side, reference, current);
        }
        if (!reference.type().equals(current.type())) {
            return ColumnDrift.notCompared(name, type, critical, reference.type() + " in the reference but "
                    + current.type() + " in the current data", reference, current);
        }
        EffectMeasure measure = policy.measure(name, type);
        if (!measure.appliesTo(type)) {
            throw new BadInputException("drift policy: column '" + name + "' is " + type + ", but effect measure '"
                    + measure.label() + "' does not apply to " + type + " columns");
        }
        if (reference.rows() == 0 || current.rows() == 0) {
            String side = reference.rows() == 0 ? "the reference" : "the current data";
            return ColumnDrift.notCompared(name, type, critical, side + " has no rows", reference, current);
        }
        MissingShareDrift missing = MissingShareDrift.test(ColumnCounts.of(reference), ColumnCounts.of(current),
                policy.missingShareThreshold());
        if (reference.present() == 0 || current.present() == 0) {
            if (missing.pValue() == null) {
                return ColumnDrift.notCompared(name, type, critical, "all values are missing on both sides", reference,
                        current);
            }
            String side = reference.present() == 0 ? "the reference" : "the current data";
            String why = side + " has no non-missing values: only the missing share is tested";
            return new ColumnDrift(name, type, true, "none", why, null, null, null, null, null, null, null, null, null,
                    null, false, false, critical, "", ColumnCounts.of(reference), ColumnCounts.of(current), Map.of(), missing, null);
        }
        if (reference instanceof NumericDistribution numericReference) {
            return NumericComparison.compare(name, numericReference, (NumericDistribution) current, policy, missing);
        }
        return CategoricalComparison.compare(name, (CategoricalDistribution) reference,
                (CategoricalDistribution) current, policy, missing);
    }

    private static DriftReport decide(final List<ColumnDrift> measured, final DriftPolicy policy) {
        List<Double> family = new ArrayList<>();
        for (ColumnDrift column : measured) {
            if (column.pValue() != null) {
                family.add(column.pValue());
            }
            if (column.missing() != null && column.missing().pValue() != null) {
                family.add(column.missing().pValue());
            }
        }
        double[] adjusted = policy.correction().adjust(family.stream().mapToDouble(Double::doubleValue).toArray());
        int next = 0;
        List<ColumnDrift> columns = new ArrayList<>();
        int compared = 0;
        int drifted = 0;
        List<String> criticalDrifted = new ArrayList<>();
        for (ColumnDrift column : measured) {
            if (!column.compared()) {
                columns.add(column);
                continue;
            }
            compared++;
            Double mainAdjusted = column.pValue() == null ? null : adjusted[next++];
            MissingShareDrift missing = column.missing();
            Double missingAdjusted = missing.pValue() == null ? null : adjusted[next++];
            boolean mainDrifted = mainAdjusted != null && policy.rule().drifted(mainAdjusted <= policy.alpha(),
                    column.effectSize() >= column.threshold());
            boolean missingDrifted = missingAdjusted != null && policy.rule().drifted(
                    missingAdjusted <= policy.alpha(), missing.effectSize() >= missing.threshold());
            boolean columnDrifted = mainDrifted || missingDrifted;
            String reason = ColumnReasons.explain(column, mainAdjusted, mainDrifted, missing, missingAdjusted,
                    missingDrifted, policy);
            columns.add(column.decided(mainAdjusted, missing.decided(missingAdjusted, missingDrifted), columnDrifted,
                    reason));
            if (columnDrifted) {
                drifted++;
                if (column.critical()) {
                    criticalDrifted.add(column.name());
                }
            }
        }
        double share = compared == 0 ? 0 : (double) drifted / compared;
        boolean datasetDrift = drifted > 0 && share >= policy.datasetDriftShare() || !criticalDrifted.isEmpty();
        String reason;
        if (compared == 0) {
            reason = "no column could be compared";
        }
        else {
            reason = String.format(Locale.ROOT, "%d of %d compared columns drifted (%.0f%%; dataset drift at %.0f%%)",
                    drifted, compared, 100 * share, 100 * policy.datasetDriftShare());
            if (!criticalDrifted.isEmpty()) {
                reason += "; critical column" + (criticalDrifted.size() > 1 ? "s " : " ")
                        + String.join(", ", criticalDrifted) + " drifted";
            }
        }
        return new DriftReport(datasetDrift, share, drifted, compared, policy.datasetDriftShare(), policy.alpha(),
                policy.correction().label(), policy.rule().label(), reason, columns);
    }
}
