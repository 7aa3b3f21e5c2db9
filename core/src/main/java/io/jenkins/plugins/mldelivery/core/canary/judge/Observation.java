package io.jenkins.plugins.mldelivery.core.canary.judge;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Arrays;

/**
 * What one version showed for one metric during one step: continuous values, or events among trials.
 */
public sealed interface Observation permits Observation.Values, Observation.Counts {
    /**
     * Says whether there is anything to compare.
     *
     * @return whether at least one value or one trial was observed
     */
    @JsonIgnore
    boolean isEmpty();

    /**
     * Continuous values, one per request or per scrape; the array is copied in and out.
     */
    final class Values implements Observation {
        private final double[] values;

        private Values(final double[] values) {
            this.values = values;
        }

        /**
         * Creates the observation, dropping values that are not finite (Prometheus' NaN gaps).
         *
         * @param values the values
         * @return the observation
         */
        public static Values of(final double... values) {
            return new Values(Arrays.stream(values).filter(Double::isFinite).map(v -> v + 0.0).toArray());
        }

        /**
         * Returns a copy of the values.
         *
         * @return the finite values, in the order observed
         */
        public double[] values() {
            return values.clone();
        }

        /**
         * Returns how many values there are.
         *
         * @return the count
         */
        public int size() {
            return values.length;
        }

        @Override
        public boolean isEmpty() {
            return values.length == 0;
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof Values that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return values.length + " values";
        }
    }

    /**
     * Events among trials, e.g. failed requests among all requests.
     *
     * @param events the number of events, at most {@code trials}
     * @param trials the number of trials
     */
    record Counts(long events, long trials) implements Observation {
        /** Validates the counts. */
        public Counts {
            if (events < 0 || trials < 0 || events > trials) {
                throw new IllegalArgumentException("expected 0 <= events <= trials, found " + events + " events in " + trials + " trials");
            }
        }

        @Override
        public boolean isEmpty() {
            return trials == 0;
        }

        /**
         * Returns the share of trials that were events.
         *
         * @return events / trials, or NaN without trials
         */
        public double rate() {
            return trials == 0 ? Double.NaN : (double) events / trials;
        }
    }
}
