package io.jenkins.plugins.mldelivery.core.table;

import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

public class NumberParserTest {
    private static double parse(final String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        NumberParser parser = new NumberParser();
        double value = parser.parse(bytes, 0, bytes.length);
        return parser.valid() ? value : Double.NaN;
    }

    @Test
    public void shouldGiveTheSameDoubleAsTheJdkForRandomDecimals() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            String text = switch (i % 5) {
                case 0 -> Long.toString(random.nextLong());
                case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
                case 2 -> String.format(java.util.Locale.ROOT, "%.4f", random.nextGaussian() * 1e6);
                case 3 -> random.nextInt(1000) + "." + random.nextInt(100) + "e" + random.nextInt(-320, 310);
                default -> "-" + random.nextInt(100_000) + "." + Long.toString(Math.abs(random.nextLong()));
            };
            assertThat(parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    public void shouldAcceptTheUsualSpellingsOfNumbers() {
        assertThat(parse(" 42 ")).isEqualTo(42);
        assertThat(parse("+1.5")).isEqualTo(1.5);
        assertThat(parse(".5")).isEqualTo(0.5);
        assertThat(parse("5.")).isEqualTo(5);
        assertThat(parse("-0")).isEqualTo(-0.0);
        assertThat(parse("1E3")).isEqualTo(1000);
        assertThat(parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    public void shouldRejectWhatIsNotANumber() {
        for (String text : new String[] {"", "abc", "1.2.3", "1e", "--1", "0x10", "1.5d", "1,5", "12abc", "e5", "."}) {
            assertThat(parse(text)).as(text).isNaN();
        }
    }

    @Test
    public void shouldReadDatesAndDateTimesAsJavaTimeDoes() {
        SplittableRandom random = new SplittableRandom(2);
        DateTimeParser parser = new DateTimeParser();
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(random.nextLong(-5_000_000_000L, 8_000_000_000L), 0, ZoneOffset.UTC);
            int offsetMinutes = random.nextInt(-14 * 4, 14 * 4) * 15;
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            String text = time.toString() + (time.getSecond() == 0 ? ":00" : "") + offset.getId().replace("Z", "+00:00");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            double seconds = parser.parse(bytes, 0, bytes.length);
            assertThat(parser.valid()).as(text).isTrue();
            assertThat(seconds).as(text).isEqualTo(time.toEpochSecond(offset));
            String utc = time.toInstant(ZoneOffset.UTC).toString(); // the common shape 2024-03-01T12:30:05Z
            byte[] utcBytes = utc.getBytes(StandardCharsets.UTF_8);
            assertThat(parser.parse(utcBytes, 0, utcBytes.length)).as(utc).isEqualTo(time.toEpochSecond(ZoneOffset.UTC));
        }
        byte[] date = "2024-02-29".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(date, 0, date.length)).isEqualTo(Instant.parse("2024-02-29T00:00:00Z").getEpochSecond());
        for (String bad : new String[] {"2023-02-29", "2024-13-01", "2024-01-01T25:00", "2024-1-01", "yesterday", "2024-01-01T10:00+25:00",
                "2024-01-01T10:60:00Z", "2024-01-01T1x:00:00Z", "2024-01-01X10:00:00Z"}) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            parser.parse(bytes, 0, bytes.length);
            assertThat(parser.valid()).as(bad).isFalse();
        }
    }
}
