package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in plans: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h30m},
 * a bare number of seconds, or ISO-8601 ({@code PT5M}); and back, in the short form.
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {
        // static conversions only
    }

    /**
     * Parses a duration.
     *
     * @param text the text
     * @return the duration, never negative
     * @throws IllegalArgumentException if the text is not a duration
     */
    public static Duration parse(final String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (trimmed.startsWith("pt") || trimmed.startsWith("p")) {
            try {
                Duration duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                if (duration.isNegative()) {
                    throw new IllegalArgumentException("negative duration: " + text);
                }
                return duration;
            }
            catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration: " + text, e);
            }
        }
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = matcher.end();
        }
        if (end != trimmed.length()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }

    /**
     * Formats a duration in the short form Prometheus also understands ({@code 1h30m}, {@code 45s}, {@code 250ms}).
     *
     * @param duration the duration
     * @return the short form; {@code 0s} for zero
     */
    public static String format(final Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long seconds = millis / 1000 % 60;
        long rest = millis % 1000;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0) {
            text.append(seconds).append('s');
        }
        if (rest > 0) {
            text.append(rest).append("ms");
        }
        return text.toString();
    }
}
