package io.jenkins.plugins.mldelivery.core.table;

/**
 * Recognises the spellings of a missing value in raw field bytes, exactly (case-sensitive).
 */
final class MissingValues {
    private final byte[][] spellings;
    private final boolean emptyIsMissing;
    private final boolean[] firstBytes = new boolean[256];
    private final int longest;

    MissingValues(final CsvFormat format) {
        this.spellings = format.missingBytes();
        boolean empty = false;
        int max = 0;
        for (byte[] spelling : spellings) {
            if (spelling.length == 0) {
                empty = true;
            }
            else {
                firstBytes[spelling[0] & 0xFF] = true;
            }
            max = Math.max(max, spelling.length);
        }
        this.emptyIsMissing = empty;
        this.longest = max;
    }

    boolean isMissing(final byte[] buf, final int from, final int to) {
        int length = to - from;
        if (length == 0) {
            return emptyIsMissing;
        }
        if (length > longest || !firstBytes[buf[from] & 0xFF]) {
            return false;
        }
        for (byte[] spelling : spellings) {
            if (spelling.length == length && java.util.Arrays.equals(spelling, 0, length, buf, from, to)) {
                return true;
            }
        }
        return false;
    }
}
