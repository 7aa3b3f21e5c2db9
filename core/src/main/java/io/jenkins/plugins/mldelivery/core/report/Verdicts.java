package io.jenkins.plugins.mldelivery.core.report;

import java.util.Locale;

/**
 * Shows an outcome as a symbol and a word, so that it reads the same in colour, in grey and to a
 * screen reader: ✔ for passed or promoted, ⚠ for warnings and drift, ✘ for failed or rolled back.
 */
final class Verdicts {
    private Verdicts() {
        // static text only
    }

    /**
     * Returns the symbol for an outcome.
     *
     * @param outcome a status, verdict or decision such as {@code PASSED}, {@code ROLLED_BACK}
     * @return ✔, ⚠, ⏸, ✘ or – for unknown
     */
    static String symbol(final String outcome) {
        String kind = outcome == null ? "" : outcome.toUpperCase(Locale.ROOT);
        if (kind.startsWith("PASS") || kind.startsWith("PROMOT") || kind.equals("OK")) {
            return "✔";
        }
        if (kind.startsWith("FAIL") || kind.startsWith("ROLL") || kind.startsWith("REJECT")) {
            return "✘";
        }
        if (kind.startsWith("WARN")) {
            return "⚠";
        }
        if (kind.startsWith("HELD") || kind.startsWith("HOLD")) {
            return "⏸";
        }
        return "–";
    }

    /**
     * Returns the symbol and the outcome.
     *
     * @param outcome the outcome
     * @return e.g. {@code ✘ FAILED}
     */
    static String label(final String outcome) {
        return symbol(outcome) + " " + (outcome == null ? "UNKNOWN" : outcome);
    }

    /**
     * Returns a CSS class for an outcome, which the HTML report colours and also marks with the symbol.
     *
     * @param outcome the outcome
     * @return {@code good}, {@code bad}, {@code warn} or {@code neutral}
     */
    static String cssClass(final String outcome) {
        return switch (symbol(outcome)) {
            case "✔" -> "good";
            case "✘" -> "bad";
            case "⚠", "⏸" -> "warn";
            default -> "neutral";
        };
    }
}
