package io.jenkins.plugins.mldelivery.core.gate.significance;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The challenger's and the champion's predictions on the same evaluation rows, paired row by row,
 * with the true labels and the slice attributes (such as {@code gender}) of each row.
 */
public final class PairedPredictions {
    private final byte[] labels;
    private final ModelPredictions challenger;
    private final ModelPredictions champion;
    private final Map<String, String[]> attributes;

    /**
     * Pairs two models' predictions.
     *
     * @param labels     the true classes, 0 or 1, one per row
     * @param challenger the challenger's predictions, same rows
     * @param champion   the champion's predictions, same rows
     * @param attributes slice attributes by name, one value per row
     */
    public PairedPredictions(final byte[] labels, final ModelPredictions challenger, final ModelPredictions champion,
            final Map<String, String[]> attributes) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.challenger = Objects.requireNonNull(challenger, "challenger");
        this.champion = Objects.requireNonNull(champion, "champion");
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (challenger.size() != labels.length || champion.size() != labels.length) {
            throw new IllegalArgumentException("both models must have one prediction per labelled row");
        }
        this.attributes.forEach((name, values) -> {
            if (values.length != labels.length) {
                throw new IllegalArgumentException("attribute " + name + " must have one value per row");
            }
        });
    }

    /**
     * Reads and pairs two predictions files of the same evaluation set: by the {@code id} column when
     * both files have one, else by position. The labels come from the challenger's file; where the
     * champion's file has labels too, they must agree row by row.
     *
     * @param challengerFile the challenger's predictions
     * @param championFile   the champion's predictions
     * @param attributes     the slice attributes the rules need (columns of the challenger's file)
     * @return the paired rows
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException naming the file, row and column
     *         of a bad value, a missing column, an unpaired row or a disagreeing label
     */
    public static PairedPredictions read(final Path challengerFile, final Path championFile, final Collection<String> attributes) {
        PredictionsFile challenger = PredictionsFile.read(challengerFile, attributes, true);
        PredictionsFile champion = PredictionsFile.read(championFile, List.of(), false);
        int[] order = challenger.ids() != null && champion.ids() != null ? pairById(challenger, champion) : pairByPosition(challenger, champion);
        byte[] labels = challenger.labels();
        byte[] championLabels = champion.labels();
        if (championLabels != null) {
            for (int row = 0; row < labels.length; row++) {
                int other = order[row];
                if (championLabels[other] >= 0 && championLabels[other] != labels[row]) {
                    throw BadInputException.at(championFile, champion.line(other), PredictionsFile.LABEL, "label "
                            + championLabels[other] + " differs from " + labels[row] + " in " + challengerFile + " row "
                            + challenger.line(row) + "; both files must score the same evaluation set");
                }
            }
        }
        return new PairedPredictions(labels, challenger.predictions(), champion.predictions().select(order), challenger.attributes());
    }

    private static int[] pairById(final PredictionsFile challenger, final PredictionsFile champion) {
        Map<String, Integer> championRows = new HashMap<>();
        List<String> championIds = champion.ids();
        for (int row = 0; row < championIds.size(); row++) {
            if (championRows.put(championIds.get(row), row) != null) {
                throw BadInputException.at(champion.file(), champion.line(row), PredictionsFile.ID,
                        "id '" + championIds.get(row) + "' appears twice");
            }
        }
        List<String> ids = challenger.ids();
        int[] order = new int[ids.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int row = 0; row < ids.size(); row++) {
            String id = ids.get(row);
            if (seen.put(id, row) != null) {
                throw BadInputException.at(challenger.file(), challenger.line(row), PredictionsFile.ID, "id '" + id + "' appears twice");
            }
            Integer other = championRows.get(id);
            if (other == null) {
                throw BadInputException.at(challenger.file(), challenger.line(row), PredictionsFile.ID,
                        "id '" + id + "' has no row in " + champion.file() + "; both files must score the same evaluation set");
            }
            order[row] = other;
        }
        if (ids.size() != championIds.size()) {
            for (int row = 0; row < championIds.size(); row++) {
                if (!seen.containsKey(championIds.get(row))) {
                    throw BadInputException.at(champion.file(), champion.line(row), PredictionsFile.ID, "id '"
                            + championIds.get(row) + "' has no row in " + challenger.file() + "; both files must score the same evaluation set");
                }
            }
        }
        return order;
    }

    private static int[] pairByPosition(final PredictionsFile challenger, final PredictionsFile champion) {
        if (challenger.size() != champion.size()) {
            throw new BadInputException(challenger.file() + " has " + challenger.size() + " rows but " + champion.file() + " has "
                    + champion.size() + "; without an 'id' column in both, rows are paired by position, so both files must"
                    + " score the same evaluation set in the same order");
        }
        int[] order = new int[challenger.size()];
        for (int row = 0; row < order.length; row++) {
            order[row] = row;
        }
        return order;
    }

    /**
     * Returns the number of paired rows.
     *
     * @return the row count
     */
    public int size() {
        return labels.length;
    }

    byte[] labels() {
        return labels;
    }

    ModelPredictions challenger() {
        return challenger;
    }

    ModelPredictions champion() {
        return champion;
    }

    /**
     * Returns the names of the slice attributes the rows carry.
     *
     * @return the attribute names, sorted
     */
    public SortedSet<String> attributeNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(attributes.keySet()));
    }

    /**
     * Returns the rows of one slice, such as {@code gender=F}.
     *
     * @param conditions attribute names to the value a row must have
     * @return the rows that meet every condition
     * @throws IllegalArgumentException if an attribute is unknown
     */
    public PairedPredictions slice(final Map<String, String> conditions) {
        if (conditions.isEmpty()) {
            return this;
        }
        int[] keep = new int[labels.length];
        int count = 0;
        for (int row = 0; row < labels.length; row++) {
            if (matches(row, conditions)) {
                keep[count++] = row;
            }
        }
        int[] rows = Arrays.copyOf(keep, count);
        byte[] sliceLabels = new byte[count];
        for (int i = 0; i < count; i++) {
            sliceLabels[i] = labels[rows[i]];
        }
        Map<String, String[]> sliceAttributes = new LinkedHashMap<>();
        attributes.forEach((name, values) -> {
            String[] kept = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                kept[i] = values[rows[i]];
            }
            sliceAttributes.put(name, kept);
        });
        return new PairedPredictions(sliceLabels, challenger.select(rows), champion.select(rows), sliceAttributes);
    }

    /**
     * Computes a metric of the champion on these rows, as the gate reads it when the champion's metrics
     * come from its predictions rather than from a registry.
     *
     * @param metric the metric
     * @return its value; empty when the champion's file lacks the column it needs or no row is left
     */
    public java.util.OptionalDouble championValue(final PredictionMetric metric) {
        boolean available = switch (metric.needs()) {
            case PREDICTION -> true;
            case PROBABILITY -> champion.probabilities() != null;
            case LATENCY -> champion.latencies() != null;
        };
        if (!available || labels.length == 0) {
            return java.util.OptionalDouble.empty();
        }
        double value = metric.value(labels, champion);
        return Double.isFinite(value) ? java.util.OptionalDouble.of(value) : java.util.OptionalDouble.empty();
    }

    private boolean matches(final int row, final Map<String, String> conditions) {
        for (Map.Entry<String, String> condition : conditions.entrySet()) {
            String[] values = attributes.get(condition.getKey());
            if (values == null) {
                throw new IllegalArgumentException("no attribute " + condition.getKey());
            }
            if (!condition.getValue().equals(values[row])) {
                return false;
            }
        }
        return true;
    }
}
