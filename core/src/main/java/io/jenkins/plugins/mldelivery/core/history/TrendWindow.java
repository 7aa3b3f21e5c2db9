package io.jenkins.plugins.mldelivery.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The builds a trend shows: read newest first from any source of records (a history directory, or
 * the Jenkins plugin's walk over a job's builds) and never more than the cap, because a trend that
 * loads every build of a long-lived job is slow for everyone.
 *
 * @param newestFirst the records, newest build first
 */
public record TrendWindow(List<BuildRecord> newestFirst) {
    /** How many builds a trend shows unless told otherwise, as in Jenkins' echarts-api trends. */
    public static final int DEFAULT_CAP = 50;

    /** Copies the list, newest build first. */
    public TrendWindow {
        newestFirst = newestFirst.stream().sorted(Comparator.comparingInt(BuildRecord::build).reversed()).toList();
    }

    /**
     * Reads at most {@link #DEFAULT_CAP} records.
     *
     * @param newestFirst the records, newest first; read lazily
     * @return the window
     */
    public static TrendWindow of(final Iterable<BuildRecord> newestFirst) {
        return of(newestFirst, DEFAULT_CAP);
    }

    /**
     * Reads records until the cap is reached; the iterator is not advanced any further, so records
     * beyond the cap are never loaded.
     *
     * @param newestFirst the records, newest first; read lazily
     * @param cap         the most records to read, at least 1
     * @return the window
     */
    public static TrendWindow of(final Iterable<BuildRecord> newestFirst, final int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("a trend shows at least one build, not " + cap);
        }
        List<BuildRecord> records = new ArrayList<>();
        Iterator<BuildRecord> iterator = newestFirst.iterator();
        while (records.size() < cap && iterator.hasNext()) {
            records.add(iterator.next());
        }
        return new TrendWindow(records);
    }

    /**
     * Returns the records in the order a chart's axis shows them.
     *
     * @return the records, oldest build first
     */
    public List<BuildRecord> oldestFirst() {
        List<BuildRecord> records = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(records);
        return records;
    }

    /**
     * Returns the newest record, whose gate rules give the thresholds a trend marks.
     *
     * @return the newest record, if any
     */
    public Optional<BuildRecord> newest() {
        return newestFirst.stream().findFirst();
    }

    /**
     * Says whether there is nothing to show.
     *
     * @return whether the window is empty
     */
    public boolean isEmpty() {
        return newestFirst.isEmpty();
    }

    /**
     * Returns how many builds the window holds.
     *
     * @return the number of records
     */
    public int size() {
        return newestFirst.size();
    }
}
