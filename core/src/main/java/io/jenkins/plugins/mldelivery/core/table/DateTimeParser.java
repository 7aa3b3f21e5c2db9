package io.jenkins.plugins.mldelivery.core.table;

/**
 * Parses ISO-8601 dates and date-times straight from bytes into seconds since
 * 1970-01-01T00:00:00Z: {@code 2024-03-01}, {@code 2024-03-01T12:30}, {@code 2024-03-01 12:30:05.250},
 * optionally followed by {@code Z} or an offset {@code +02:00}, {@code +0200}, {@code +02}. Values
 * without an offset are taken as UTC. Days are counted with the proleptic Gregorian calendar (the
 * days-from-civil algorithm of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). Not
 * thread-safe: one parser per thread.
 */
final class DateTimeParser {
    private static final int SECONDS_PER_DAY = 86_400;
    private static final double[] FRACTION_SCALE = {1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9};
    private static final int TABLE_FIRST_YEAR = 1900;
    private static final int TABLE_YEARS = 250;
    /** Days since the epoch of the first of each month from 1900 to 2149: dates there need no division. */
    private static final int[] MONTH_STARTS = monthStarts();

    private boolean valid;
    private int p;

    /**
     * Returns whether the last call parsed a date or date-time.
     *
     * @return {@code false} when the text was not one
     */
    boolean valid() {
        return valid;
    }

    /**
     * Parses a date or date-time.
     *
     * @param buf  the bytes
     * @param from the first byte of the field
     * @param to   one past its last byte
     * @return seconds since the epoch; check {@link #valid()}
     */
    double parse(final byte[] buf, final int from, final int to) {
        valid = false;
        int start = from;
        int end = to;
        while (start < end && buf[start] == ' ') {
            start++;
        }
        while (end > start && buf[end - 1] == ' ') {
            end--;
        }
        if (end - start < 10 || buf[start + 4] != '-' || buf[start + 7] != '-') {
            return Double.NaN;
        }
        int length = end - start;
        if (length == 10 || (length == 20 && buf[start + 10] == 'T' && buf[start + 19] == 'Z')) {
            double fast = parseCommon(buf, start, length == 20);
            if (valid) {
                return fast;
            }
        }
        p = start;
        int year = digits(buf, 4);
        p++;
        int month = digits(buf, 2);
        p++;
        int day = digits(buf, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return Double.NaN;
        }
        double seconds = (double) daysFromCivil(year, month, day) * SECONDS_PER_DAY;
        if (p == end) {
            valid = true;
            return seconds;
        }
        if ((buf[p] != 'T' && buf[p] != ' ') || end - p < 6 || buf[p + 3] != ':') {
            return Double.NaN;
        }
        p++;
        int hour = digits(buf, 2);
        p++;
        int minute = digits(buf, 2);
        int second = 0;
        double fraction = 0;
        if (p < end && buf[p] == ':') {
            p++;
            second = end - p >= 2 ? digits(buf, 2) : -1;
            if (p < end && (buf[p] == '.' || buf[p] == ',')) {
                p++;
                int digitsStart = p;
                long nanos = 0;
                while (p < end && buf[p] >= '0' && buf[p] <= '9' && p - digitsStart < 9) {
                    nanos = nanos * 10 + (buf[p] - '0');
                    p++;
                }
                if (p == digitsStart) {
                    return Double.NaN;
                }
                fraction = nanos * FRACTION_SCALE[p - digitsStart];
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Double.NaN;
        }
        int offset = parseOffset(buf, end);
        if (offset == Integer.MIN_VALUE) {
            return Double.NaN;
        }
        valid = true;
        return seconds + hour * 3600 + minute * 60 + second - offset + fraction;
    }

    /** The two most common shapes, {@code 2024-03-01} and {@code 2024-03-01T12:30:05Z}, without the general parser's steps. */
    private double parseCommon(final byte[] buf, final int start, final boolean withTime) {
        int year = fourDigits(buf, start);
        int month = twoDigits(buf, start + 5);
        int day = twoDigits(buf, start + 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return Double.NaN;
        }
        int index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
        long days = index >= 0 && index < MONTH_STARTS.length ? MONTH_STARTS[index] + day - 1L : daysFromCivil(year, month, day);
        long seconds = days * SECONDS_PER_DAY;
        if (withTime) {
            if (buf[start + 13] != ':' || buf[start + 16] != ':') {
                return Double.NaN;
            }
            int hour = twoDigits(buf, start + 11);
            int minute = twoDigits(buf, start + 14);
            int second = twoDigits(buf, start + 17);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return Double.NaN;
            }
            seconds += hour * 3600L + minute * 60L + second;
        }
        valid = true;
        return seconds;
    }

    private static int twoDigits(final byte[] buf, final int at) {
        int tens = buf[at] - '0';
        int ones = buf[at + 1] - '0';
        return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
    }

    private static int fourDigits(final byte[] buf, final int at) {
        int high = twoDigits(buf, at);
        int low = twoDigits(buf, at + 2);
        return high < 0 || low < 0 ? -1 : high * 100 + low;
    }

    /** Returns the offset in seconds, or {@code Integer.MIN_VALUE} when malformed. */
    private int parseOffset(final byte[] buf, final int end) {
        if (p == end) {
            return 0;
        }
        byte sign = buf[p];
        if ((sign == 'Z' || sign == 'z') && p + 1 == end) {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        p++;
        int length = end - p;
        int hours;
        int minutes = 0;
        if (length == 2) {
            hours = digits(buf, 2);
        }
        else if (length == 4) {
            hours = digits(buf, 2);
            minutes = digits(buf, 2);
        }
        else if (length == 5 && buf[p + 2] == ':') {
            hours = digits(buf, 2);
            p++;
            minutes = digits(buf, 2);
        }
        else {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int offset = hours * 3600 + minutes * 60;
        return sign == '-' ? -offset : offset;
    }

    /** Reads {@code count} ASCII digits at {@link #p}, or returns -1 if one of them is not a digit. */
    private int digits(final byte[] buf, final int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int d = buf[p + i] - '0';
            if (d < 0 || d > 9) {
                p += count;
                return -1;
            }
            value = value * 10 + d;
        }
        p += count;
        return value;
    }

    private static int[] monthStarts() {
        int[] starts = new int[TABLE_YEARS * 12];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = (int) daysFromCivil(TABLE_FIRST_YEAR + i / 12, i % 12 + 1, 1);
        }
        return starts;
    }

    private static int daysInMonth(final int year, final int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
    static long daysFromCivil(final int year, final int month, final int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return (long) era * 146_097 + dayOfEra - 719_468;
    }
}
