package io.jenkins.plugins.mldelivery.core.gate.rule;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * One side of a rule's comparison: numbers, metrics of either model, slice aggregates and the four
 * arithmetic operators. Expressions are immutable and equal by value; {@link #toString()} writes
 * them back fully parenthesised, which shows how a rule was understood.
 */
public sealed interface Expression {
    /**
     * Computes the value, once every metric the expression reads is known to exist.
     *
     * @param challenger the metrics of the model under test
     * @param champion   the metrics of the champion
     * @return the value
     * @throws IllegalStateException if a metric is missing: check {@link #references()} first
     */
    double evaluate(MetricValues challenger, MetricValues champion);

    /**
     * Returns the metrics and slice aggregates this expression reads, in the order written.
     *
     * @return the references
     */
    List<Reference> references();

    /**
     * Returns this expression as {@code slope * champion.metric + intercept}, when it is linear in
     * that one champion metric and reads nothing else but numbers.
     *
     * @param metric the champion's metric
     * @return the linear form, or empty when the expression has another shape
     */
    Optional<LinearForm> linearIn(String metric);

    /** A metric or an aggregate of slice metrics, which must exist before a rule can be evaluated. */
    sealed interface Reference extends Expression permits Metric, SliceAggregate {
        /**
         * Returns whose metric this reads.
         *
         * @return the side
         */
        Side side();
    }

    /**
     * A number written in the rule.
     *
     * @param value the number
     */
    record Constant(double value) implements Expression {
        @Override
        public double evaluate(final MetricValues challenger, final MetricValues champion) {
            return value;
        }

        @Override
        public List<Reference> references() {
            return List.of();
        }

        @Override
        public Optional<LinearForm> linearIn(final String metric) {
            return Optional.of(new LinearForm(0, value));
        }

        @Override
        public String toString() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /**
     * One metric of one model, such as {@code f1}, {@code champion.f1} or {@code accuracy[gender=F]}.
     *
     * @param side whose metric
     * @param name the metric's canonical name, slice included
     */
    record Metric(Side side, String name) implements Reference {
        /** Validates the fields and makes the name canonical. */
        public Metric {
            Objects.requireNonNull(side, "side");
            name = MetricValues.canonical(Objects.requireNonNull(name, "name"));
        }

        @Override
        public double evaluate(final MetricValues challenger, final MetricValues champion) {
            return (side == Side.CHALLENGER ? challenger : champion).find(name)
                    .orElseThrow(() -> new IllegalStateException("no metric " + this));
        }

        @Override
        public List<Reference> references() {
            return List.of(this);
        }

        @Override
        public Optional<LinearForm> linearIn(final String metric) {
            return side == Side.CHAMPION && name.equals(MetricValues.canonical(metric))
                    ? Optional.of(new LinearForm(1, 0)) : Optional.empty();
        }

        @Override
        public String toString() {
            return side.qualify(name);
        }
    }

    /**
     * An aggregate over the slices of one metric by one attribute, such as
     * {@code max_gap(accuracy, by=gender)} over {@code accuracy[gender=F]} and {@code accuracy[gender=M]}.
     *
     * @param aggregate the aggregate
     * @param side      whose metrics
     * @param metric    the metric's base name
     * @param attribute the slice attribute
     */
    record SliceAggregate(Aggregate aggregate, Side side, String metric, String attribute) implements Reference {
        /** Validates the fields. */
        public SliceAggregate {
            Objects.requireNonNull(aggregate, "aggregate");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(attribute, "attribute");
        }

        /**
         * Returns the slice values this aggregate reads from one model's metrics.
         *
         * @param metrics the model's metrics
         * @return the attribute's values to the metric on that slice
         */
        public SortedMap<String, Double> slices(final MetricValues metrics) {
            return metrics.slices(metric, attribute);
        }

        @Override
        public double evaluate(final MetricValues challenger, final MetricValues champion) {
            Collection<Double> values = slices(side == Side.CHALLENGER ? challenger : champion).values();
            if (values.size() < aggregate.minimumSlices()) {
                throw new IllegalStateException("too few slices for " + this);
            }
            return aggregate.apply(values);
        }

        @Override
        public List<Reference> references() {
            return List.of(this);
        }

        @Override
        public Optional<LinearForm> linearIn(final String name) {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return aggregate.functionName() + "(" + side.qualify(metric) + ", by=" + attribute + ")";
        }
    }

    /**
     * Two expressions combined by {@code +}, {@code -}, {@code *} or {@code /}.
     *
     * @param operator the operator
     * @param left     the left operand
     * @param right    the right operand
     */
    record Arithmetic(Operator operator, Expression left, Expression right) implements Expression {
        /** Validates the fields. */
        public Arithmetic {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public double evaluate(final MetricValues challenger, final MetricValues champion) {
            return operator.apply(left.evaluate(challenger, champion), right.evaluate(challenger, champion));
        }

        @Override
        public List<Reference> references() {
            return Stream.concat(left.references().stream(), right.references().stream()).toList();
        }

        @Override
        public Optional<LinearForm> linearIn(final String metric) {
            Optional<LinearForm> a = left.linearIn(metric);
            Optional<LinearForm> b = right.linearIn(metric);
            if (a.isEmpty() || b.isEmpty()) {
                return Optional.empty();
            }
            return operator.combine(a.get(), b.get());
        }

        @Override
        public String toString() {
            return "(" + left + " " + operator.symbol() + " " + right + ")";
        }
    }

    /**
     * The negation of an expression: {@code -x}.
     *
     * @param operand the negated expression
     */
    record Negation(Expression operand) implements Expression {
        /** Validates the field. */
        public Negation {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public double evaluate(final MetricValues challenger, final MetricValues champion) {
            return -operand.evaluate(challenger, champion);
        }

        @Override
        public List<Reference> references() {
            return operand.references();
        }

        @Override
        public Optional<LinearForm> linearIn(final String metric) {
            return operand.linearIn(metric).map(form -> new LinearForm(-form.slope(), -form.intercept()));
        }

        @Override
        public String toString() {
            return "-" + operand;
        }
    }
}
