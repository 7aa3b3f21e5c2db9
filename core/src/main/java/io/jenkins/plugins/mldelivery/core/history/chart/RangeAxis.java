package io.jenkins.plugins.mldelivery.core.history.chart;

import edu.hm.hafner.echarts.line.LinesChartModel;

import java.util.Collection;
import java.util.Objects;

/**
 * Sets a line chart's range so that every value and every marked threshold is visible: ECharts'
 * automatic range ignores mark lines, so a threshold outside the data would silently not show.
 */
final class RangeAxis {
    private static final int TICKS = 5;

    private RangeAxis() {
        // static computation only
    }

    /**
     * Sets the model's range to cover the values with a little room, its ends on multiples of a round
     * tick step (1, 2 or 5 times a power of ten, about a fifth of the range, at least 1 on an integer axis)
     * so the axis labels stay short.
     *
     * @param model  the model
     * @param values every value and threshold (nulls are skipped)
     * @param floor  a lower bound the range never goes below when no value does (0 for counts and rates), or null
     */
    static void cover(final LinesChartModel model, final Collection<Double> values, final Double floor) {
        double min = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        if (Double.isNaN(min)) {
            return;
        }
        double span = max - min;
        double pad = span > 0 ? span * 0.05 : Math.max(Math.abs(max) * 0.05, 1e-9);
        double bottom = min - pad;
        double top = max + pad;
        if (floor != null && bottom < floor && min >= floor) {
            bottom = floor;
        }
        double step = roundStep((top - bottom) / TICKS);
        if (model.isIntegerRangeAxis()) {
            step = Math.max(step, 1); // counts: no tick between two whole numbers
        }
        double low = Math.floor(bottom / step) * step;
        double high = Math.ceil(top / step) * step;
        model.setRangeMin(clean(low));
        model.setRangeMax(clean(high));
    }

    /**
     * Finds a round tick step that divides both ends of a range into 3 to 10 intervals, so that ECharts
     * labels the ends and every tick between them with short numbers.
     *
     * @param min the range's lower end
     * @param max the range's upper end
     * @return the step, or null if no round step fits
     */
    static Double interval(final double min, final double max) {
        if (!(max > min)) {
            return null;
        }
        for (double step = roundStep((max - min) / 3); (max - min) / step <= 10 + 1e-9; step = smaller(step)) {
            if ((max - min) / step >= 3 - 1e-9 && isMultiple(min, step) && isMultiple(max, step)) {
                return clean(step);
            }
        }
        return null;
    }

    private static boolean isMultiple(final double value, final double step) {
        double ratio = value / step;
        return Math.abs(ratio - Math.rint(ratio)) < 1e-6;
    }

    /** Returns the next smaller of the steps 1, 2 and 5 times a power of ten. */
    private static double smaller(final double step) {
        double power = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double fraction = Math.rint(step / power);
        return fraction >= 5 ? 2 * power : fraction >= 2 ? power : power / 2;
    }

    /** Rounds up to 1, 2 or 5 times a power of ten. */
    static double roundStep(final double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Removes binary noise such as 0.8500000000000001 so the axis labels read as written. */
    private static double clean(final double value) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", value));
    }
}
