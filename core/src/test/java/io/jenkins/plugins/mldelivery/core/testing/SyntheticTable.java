package io.jenkins.plugins.mldelivery.core.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a seeded synthetic credit table of 20 mixed columns (integers, decimals, date-times,
 * categories, booleans, a quoted text column with commas, a few missing values) of about a given
 * size, for tests and for {@code bench/profile-throughput}. The same seed gives the same bytes.
 * A {@code shift} moves the numeric distributions (in standard deviations) to make a drifted batch.
 *
 * <p>Usage: {@code java -cp core/target/test-classes io.jenkins.plugins.mldelivery.core.testing.SyntheticTable FILE BYTES SEED [SHIFT]}</p>
 */
public final class SyntheticTable {
    private static final String HEADER = "id,age,income,balance,score,num_accounts,tenure_months,credit_limit,utilization,"
            + "late_payments,interest_rate,signup_date,last_login,segment,region,channel,is_active,has_default,product,city\n";
    private static final String[] SEGMENTS = {"retail", "premium", "student", "business", "senior"};
    private static final String[] CHANNELS = {"web", "branch", "phone", "partner", "mobile", "mail", "agent", "kiosk"};
    private static final String[] TIERS = {"Gold, Plus", "Silver", "Bronze \"Basic\"", "Platinum", "Standard"};

    private final SplittableRandom random;
    private final double shift;
    private final byte[] line = new byte[1024];
    private int length;

    private SyntheticTable(final long seed, final double shift) {
        this.random = new SplittableRandom(seed);
        this.shift = shift;
    }

    /**
     * Writes a table.
     *
     * @param file  the file to write
     * @param bytes the approximate size in bytes
     * @param seed  the seed
     * @param shift the shift of numeric columns in standard deviations (0 for none)
     * @return the number of data rows written
     * @throws IOException if writing fails
     */
    public static long write(final Path file, final long bytes, final long seed, final double shift) throws IOException {
        SyntheticTable table = new SyntheticTable(seed, shift);
        long written = 0;
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            written += header.length;
            while (written < bytes) {
                table.row(rows);
                out.write(table.line, 0, table.length);
                written += table.length;
                rows++;
            }
        }
        return rows;
    }

    /**
     * Writes a table from the command line.
     *
     * @param args FILE BYTES SEED [SHIFT]
     * @throws IOException if writing fails
     */
    public static void main(final String[] args) throws IOException {
        long rows = write(Path.of(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]),
                args.length > 3 ? Double.parseDouble(args[3]) : 0);
        System.err.println(args[0] + ": " + rows + " rows");
    }

    private void row(final long id) {
        length = 0;
        integer(id).comma();
        integer(18 + random.nextInt(70)).comma();
        decimal(Math.exp(10.5 + 0.6 * (random.nextGaussian() + shift)), 2).comma();
        decimal(2_000 + 1_500 * (random.nextGaussian() + shift), 2).comma();
        decimal(Math.min(1, Math.max(0, 0.6 + 0.15 * (random.nextGaussian() + shift))), 4).comma();
        integer(random.nextInt(11)).comma();
        integer(random.nextInt(361)).comma();
        integer(500 + 100L * random.nextInt(495)).comma();
        if (random.nextInt(50) == 0) {
            text("NA").comma();
        }
        else {
            decimal(random.nextDouble(), 3).comma();
        }
        integer(Math.min(12, (long) Math.floor(-Math.log(1 - random.nextDouble()) * 1.5))).comma();
        decimal(0.03 + 0.2 * random.nextDouble(), 4).comma();
        date(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)).comma();
        date(2024, 1 + random.nextInt(12), 1 + random.nextInt(28));
        append('T').two(random.nextInt(24)).append(':').two(random.nextInt(60)).append(':').two(random.nextInt(60)).append('Z').comma();
        text(SEGMENTS[random.nextInt(SEGMENTS.length)]).comma();
        text("region-").integer(random.nextInt(50)).comma();
        text(CHANNELS[random.nextInt(CHANNELS.length)]).comma();
        text(random.nextInt(10) < 8 ? "true" : "false").comma();
        text(random.nextInt(20) == 0 ? "true" : "false").comma();
        quoted(TIERS[random.nextInt(TIERS.length)] + " #" + random.nextInt(60)).comma();
        if (random.nextInt(100) == 0) {
            append('\n');
            return;
        }
        text("city-").integer((long) Math.floor(Math.pow(random.nextDouble(), 2) * 2_000)).append('\n');
    }

    private SyntheticTable comma() {
        return append(',');
    }

    private SyntheticTable append(final char c) {
        line[length++] = (byte) c;
        return this;
    }

    private SyntheticTable text(final String s) {
        for (int i = 0; i < s.length(); i++) {
            line[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    private SyntheticTable quoted(final String s) {
        append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                append('"');
            }
            append(c);
        }
        return append('"');
    }

    private SyntheticTable integer(final long value) {
        if (value < 0) {
            append('-');
            return integer(-value);
        }
        if (value >= 10) {
            integer(value / 10);
        }
        return append((char) ('0' + value % 10));
    }

    private SyntheticTable decimal(final double value, final int places) {
        long scale = (long) Math.pow(10, places);
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            append('-');
        }
        integer(scaled / scale).append('.');
        long fraction = scaled % scale;
        for (long divisor = scale / 10; divisor > 0; divisor /= 10) {
            append((char) ('0' + fraction / divisor % 10));
        }
        return this;
    }

    private SyntheticTable two(final int value) {
        return append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private SyntheticTable date(final int year, final int month, final int day) {
        return integer(year).append('-').two(month).append('-').two(day);
    }
}
