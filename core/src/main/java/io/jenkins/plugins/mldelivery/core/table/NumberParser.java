package io.jenkins.plugins.mldelivery.core.table;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Parses decimal numbers straight from UTF-8 bytes without creating a String: optional sign,
 * digits, optional fraction, optional exponent ({@code -12}, {@code 3.5}, {@code .5}, {@code 1e-3}),
 * {@code inf}/{@code infinity} and {@code nan} in any case, surrounding spaces ignored. Values with at most 15
 * significant digits and a small exponent are computed exactly with Clinger's fast path (W. D.
 * Clinger, "How to read floating point numbers accurately", PLDI 1990); all others go to
 * FastDoubleParser, which rounds correctly. The result is the same double as
 * {@code Double.parseDouble} of the same text. Not thread-safe: one parser per thread.
 */
final class NumberParser {
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    private boolean valid;

    /**
     * Returns whether the last call parsed a number.
     *
     * @return {@code false} when the text was not a number
     */
    boolean valid() {
        return valid;
    }

    /**
     * Parses a number.
     *
     * @param buf   the bytes
     * @param from  the first byte of the field
     * @param to    one past its last byte
     * @return the value; check {@link #valid()}
     */
    double parse(final byte[] buf, final int from, final int to) {
        int start = from;
        int end = to;
        while (start < end && buf[start] == ' ') {
            start++;
        }
        while (end > start && buf[end - 1] == ' ') {
            end--;
        }
        valid = false;
        if (start == end) {
            return Double.NaN;
        }
        // the common case in one tight loop: a sign, at most 18 digits and at most one point
        int q = start;
        boolean minus = buf[q] == '-';
        if (minus || buf[q] == '+') {
            q++;
        }
        int digitsStart = q;
        int point = -1;
        long whole = 0;
        for (; q < end; q++) {
            int d = buf[q] - '0';
            if (d >= 0 && d <= 9) {
                whole = whole * 10 + d;
            }
            else if (d == '.' - '0' && point < 0) {
                point = q;
            }
            else {
                break;
            }
        }
        int digitCount = q - digitsStart - (point >= 0 ? 1 : 0);
        if (q == end && digitCount > 0 && digitCount <= 18 && whole <= MAX_EXACT_MANTISSA) {
            int scale = point < 0 ? 0 : end - point - 1;
            if (scale <= 22) {
                valid = true;
                double magnitude = scale == 0 ? whole : whole / POWERS_OF_TEN[scale];
                return minus ? -magnitude : magnitude;
            }
        }
        return parseGeneral(buf, start, end);
    }

    /** The full grammar: exponents, more than 18 digits, infinities. */
    private double parseGeneral(final byte[] buf, final int start, final int end) {
        int p = start;
        boolean negative = false;
        byte b = buf[p];
        if (b == '-' || b == '+') {
            negative = b == '-';
            p++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        int digits = 0;
        boolean truncated = false;
        while (p < end && (b = buf[p]) >= '0' && b <= '9') {
            if (significant < 18) {
                mantissa = mantissa * 10 + (b - '0');
                if (mantissa != 0) {
                    significant++;
                }
            }
            else {
                exponent++;
                truncated |= b != '0';
            }
            digits++;
            p++;
        }
        if (p < end && buf[p] == '.') {
            p++;
            while (p < end && (b = buf[p]) >= '0' && b <= '9') {
                if (significant < 18) {
                    mantissa = mantissa * 10 + (b - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                    exponent--;
                }
                else {
                    truncated |= b != '0';
                }
                digits++;
                p++;
            }
        }
        if (digits == 0) {
            return parseInfinity(buf, p, end, negative);
        }
        if (p < end && (buf[p] == 'e' || buf[p] == 'E')) {
            p++;
            boolean negativeExponent = false;
            if (p < end && (buf[p] == '-' || buf[p] == '+')) {
                negativeExponent = buf[p] == '-';
                p++;
            }
            int exponentDigits = 0;
            int explicit = 0;
            while (p < end && (b = buf[p]) >= '0' && b <= '9') {
                if (explicit < 100_000) {
                    explicit = explicit * 10 + (b - '0');
                }
                exponentDigits++;
                p++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -explicit : explicit;
        }
        if (p != end) {
            return Double.NaN;
        }
        valid = true;
        double value;
        if (!truncated && mantissa <= MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        }
        else {
            // the syntax is ours (checked above); FastDoubleParser only computes the correctly rounded value
            value = JavaDoubleParser.parseDouble(buf, start, end - start);
            return value;
        }
        return negative ? -value : value;
    }

    private double parseInfinity(final byte[] buf, final int p, final int end, final boolean negative) {
        int length = end - p;
        if (length == 3 && matchesIgnoringCase(buf, p, "nan")) {
            valid = true;
            return Double.NaN; // a number column counts NaN as missing
        }
        if ((length == 3 && matchesIgnoringCase(buf, p, "inf")) || (length == 8 && matchesIgnoringCase(buf, p, "infinity"))) {
            valid = true;
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    private static boolean matchesIgnoringCase(final byte[] buf, final int p, final String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((buf[p + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
