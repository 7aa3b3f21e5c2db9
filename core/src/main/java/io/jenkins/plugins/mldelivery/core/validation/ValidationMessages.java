package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes values and expectations the way a person reads them: whole numbers without a fraction,
 * date-times as ISO-8601 instants, long lists shortened.
 */
final class ValidationMessages {
    private static final int LISTED_VALUES = 10;

    private ValidationMessages() {
        // static formatting only
    }

    static String number(final ColumnType type, final double value) {
        if (type == ColumnType.DATETIME && Double.isFinite(value)) {
            long seconds = (long) Math.floor(value);
            return Instant.ofEpochSecond(seconds, Math.round((value - seconds) * 1e9)).toString();
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf"; // as the data spells it, not Java's Infinity
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String values(final List<String> values) {
        StringBuilder text = new StringBuilder("one of [");
        for (int i = 0; i < values.size() && i < LISTED_VALUES; i++) {
            text.append(i == 0 ? "" : ", ").append(values.get(i));
        }
        if (values.size() > LISTED_VALUES) {
            text.append(", ... (").append(values.size()).append(" values)");
        }
        return text.append(']').toString();
    }

    static String rows(final long count) {
        return count + (count == 1 ? " row" : " rows");
    }

    static String rate(final double rate) {
        return String.format(Locale.ROOT, "%.4g", rate);
    }

    static String quoted(final String value) {
        String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
        return "'" + shown + "'";
    }
}
