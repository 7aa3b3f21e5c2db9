package io.jenkins.plugins.mldelivery.core.history.chart;

import java.util.List;

/**
 * The colours of every chart: the Okabe-Ito palette, which people with the common forms of colour
 * blindness can tell apart (Okabe and Ito, "Color Universal Design", 2002). Charts never signal by
 * colour alone: drifted bars are also hatched and labelled, thresholds are dashed and named.
 */
public final class ChartColors {
    /** Blue: the reference, a passing value. */
    public static final String BLUE = "#0072B2";
    /** Orange: the current batch. */
    public static final String ORANGE = "#E69F00";
    /** Vermillion: drifted, failed, rolled back. */
    public static final String VERMILLION = "#D55E00";
    /** Bluish green. */
    public static final String GREEN = "#009E73";
    /** Sky blue. */
    public static final String SKY = "#56B4E9";
    /** Reddish purple. */
    public static final String PURPLE = "#CC79A7";
    /** Yellow; too light for lines on white, so last in the series order. */
    public static final String YELLOW = "#F0E442";
    /** Black: thresholds and marks. */
    public static final String BLACK = "#000000";
    /** Grey: things that did not count (skipped, held). */
    public static final String GREY = "#6E6E6E";

    private static final List<String> SERIES = List.of(BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION, GREY, YELLOW);

    private ChartColors() {
        // constants only
    }

    /**
     * Returns the colour of the i-th series of a chart, repeating after eight.
     *
     * @param index the series index, from 0
     * @return a hex colour
     */
    public static String series(final int index) {
        return SERIES.get(Math.floorMod(index, SERIES.size()));
    }
}
