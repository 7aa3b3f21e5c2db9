package io.jenkins.plugins.mldelivery.core.table;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.jenkins.plugins.mldelivery.core.table.ColumnType.BOOLEAN;
import static io.jenkins.plugins.mldelivery.core.table.ColumnType.DATETIME;
import static io.jenkins.plugins.mldelivery.core.table.ColumnType.DECIMAL;
import static io.jenkins.plugins.mldelivery.core.table.ColumnType.INTEGER;
import static io.jenkins.plugins.mldelivery.core.table.ColumnType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class CsvTableTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String content) throws IOException {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(final byte[] content) throws IOException {
        Path file = folder.newFile().toPath();
        Files.write(file, content);
        return file;
    }

    private static List<String> row(final String... values) {
        return Arrays.asList(values);
    }

    private static List<List<String>> values(final List<CollectedRows.Row> rows) {
        return rows.stream().map(CollectedRows.Row::values).toList();
    }

    @Test
    public void shouldReadQuotedDelimitersDoubledQuotesAndLineBreaksInsideQuotes() throws IOException {
        Path file = write("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"multi\nline\",plain\r\nlast,\"\"\n");
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        List<CollectedRows.Row> rows = CollectedRows.read(table, List.of(STRING, STRING), 1);

        assertThat(values(rows)).containsExactly(
                row("Smith, J", "said \"hi\""), row("multi\nline", "plain"), row("last", null));
        assertThat(rows).extracting(CollectedRows.Row::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    public void shouldReadCrlfABomAndAFileWithoutAFinalLineBreak() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "a,b\r\n1,x\r\n2,y".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);
        CsvTable table = CsvTable.open(write(content), CsvFormat.defaults());

        assertThat(table.columns()).containsExactly("a", "b");
        assertThat(values(CollectedRows.read(table, List.of(INTEGER, STRING), 1))).containsExactly(row("1.0", "x"), row("2.0", "y"));
    }

    @Test
    public void shouldHonourAnotherDelimiterQuoteAndMissingSpellings() throws IOException {
        Path file = write("a;b\n'x;y';-\n3;'it''s'\n");
        CsvFormat format = CsvFormat.defaults().withDelimiter(';').withQuote('\'').withMissing(List.of("-"));
        CsvTable table = CsvTable.open(file, format);

        assertThat(values(CollectedRows.read(table, List.of(STRING, STRING), 1))).containsExactly(row("x;y", null), row("3", "it's"));
    }

    @Test
    public void shouldInferEveryColumnType() throws IOException {
        Path file = write("i,d,b,t,s,m\n1,1.5,true,2024-01-31,red,\n-2,NA,No,2024-02-01T10:00:00Z,blue,\n3,1e3,,2024-02-29 23:59:59.5,3,NA\n");

        assertThat(CsvTable.open(file, CsvFormat.defaults()).inferTypes())
                .containsExactly(INTEGER, DECIMAL, BOOLEAN, DATETIME, STRING, STRING);
    }

    @Test
    public void shouldParseNumbersAndDateTimesExactly() throws IOException {
        Path file = write("x,t\n0.1,1970-01-02\n-1.25e-3,2024-03-01T12:30:00+02:00\n12345678901234567890,2000-02-29T00:00:00.25Z\n");
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        List<List<String>> rows = values(CollectedRows.read(table, List.of(DECIMAL, DATETIME), 1));

        // the reference is java.time's reading of the same instants
        assertThat(rows).containsExactly(
                row("0.1", Double.toString(Instant.parse("1970-01-02T00:00:00Z").getEpochSecond())),
                row("-0.00125", Double.toString(Instant.parse("2024-03-01T10:30:00Z").getEpochSecond())),
                row(Double.toString(Double.parseDouble("12345678901234567890")),
                        Double.toString(Instant.parse("2000-02-29T00:00:00Z").getEpochSecond() + 0.25)));
    }

    @Test
    public void shouldSkipBlankLinesButCountThemInRowNumbers() throws IOException {
        Path file = write("a,b\n1,2\n\n3,4\n\n");
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        List<CollectedRows.Row> rows = CollectedRows.read(table, List.of(INTEGER, INTEGER), 1);

        assertThat(rows).extracting(CollectedRows.Row::line).containsExactly(2L, 4L);
    }

    @Test
    public void shouldRejectAnEmptyFile() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> CsvTable.open(file, CsvFormat.defaults())).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": the file is empty; expected a header row with the column names");
    }

    @Test
    public void shouldRejectAFileWithAHeaderOnly() throws IOException {
        Path file = write("a,b\n");

        assertThatThrownBy(() -> CsvTable.open(file, CsvFormat.defaults())).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": has a header but no data rows");
    }

    @Test
    public void shouldRejectDuplicateColumnNames() throws IOException {
        Path file = write("a,b,a\n1,2,3\n");

        assertThatThrownBy(() -> CsvTable.open(file, CsvFormat.defaults())).isInstanceOf(BadInputException.class)
                .hasMessage(file + ", row 1, column 'a': duplicate column name: columns 1 and 3 are both called 'a'");
    }

    @Test
    public void shouldNameTheRowOfARaggedRecord() throws IOException {
        Path file = write("a,b\n1,2\n3\n");
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        assertThatThrownBy(() -> CollectedRows.read(table, List.of(INTEGER, INTEGER), 1)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ", row 3: expected 2 fields as in the header, found 1 (a ragged row; quote fields that contain the delimiter)");
    }

    @Test
    public void shouldNameTheRowAndColumnOfAnUnterminatedQuote() throws IOException {
        Path file = write("a,b\n1,2\n3,\"open\n4,5\n");
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        assertThatThrownBy(() -> CollectedRows.read(table, List.of(INTEGER, STRING), 1)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ", row 3, column 'b': unterminated quote: the quoted field never closes before the end of the file");
    }

    @Test
    public void shouldNameTheRowAndColumnOfInvalidUtf8() throws IOException {
        byte[] content = "a,b\n1,ok\n2,caf\u00e9\n3,xx\n".getBytes(StandardCharsets.UTF_8);
        content[content.length - 3] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        Path file = write(content);
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        assertThatThrownBy(() -> CollectedRows.read(table, List.of(INTEGER, STRING), 1)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ", row 4, column 'b': invalid UTF-8: the file must be UTF-8 encoded");
    }

    @Test
    public void shouldNameTheRowAndColumnOfAWordInANumberColumn() throws IOException {
        Path file = write("a,b\n1,2\n3,four\n");
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        assertThatThrownBy(() -> CollectedRows.read(table, List.of(INTEGER, INTEGER), 1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ", row 3, column 'b': expected a number (column type integer), found 'four'");
    }

    @Test
    public void shouldRejectABooleanColumnWithAnotherWord() throws IOException {
        Path file = write("a\ntrue\nmaybe\n");
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        assertThatThrownBy(() -> CollectedRows.read(table, List.of(BOOLEAN), 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 3, column 'a': expected a boolean");
    }

    @Test
    public void shouldFindTheSameRecordsWithTinyChunksOnOneOrTwoThreadsAsInOnePiece() throws IOException {
        StringBuilder csv = new StringBuilder("id,text,value\n");
        for (int i = 0; i < 2_000; i++) {
            String text = i % 7 == 0 ? "\"line\none\nof " + i + ", quoted\"" : i % 5 == 0 ? "\"say \"\"" + i + "\"\"\"" : "t" + i;
            csv.append(i).append(',').append(text).append(',').append(i % 3 == 0 ? "" : i * 0.5).append(i % 11 == 0 ? "\r\n" : "\n");
        }
        Path file = write(csv.toString());
        List<ColumnType> types = List.of(INTEGER, STRING, DECIMAL);

        List<CollectedRows.Row> whole = CollectedRows.read(CsvTable.open(file, CsvFormat.defaults()), types, 1);

        assertThat(whole).hasSize(2_000);
        assertThat(whole.get(7).values()).containsExactly("7.0", "line\none\nof 7, quoted", "3.5");
        for (int chunkBytes : new int[] {1, 7, 64, 333, 4096}) {
            CsvTable chunked = CsvTable.open(file, CsvFormat.defaults(), chunkBytes);
            assertThat(CollectedRows.read(chunked, types, 1)).as("1 thread, %d-byte chunks", chunkBytes).isEqualTo(whole);
            assertThat(CollectedRows.read(chunked, types, 2)).as("2 threads, %d-byte chunks", chunkBytes).isEqualTo(whole);
        }
    }

    @Test
    public void shouldReportTheFirstErrorOfTheFileWhateverTheChunkingAndThreads() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 500; i++) {
            csv.append(i).append(",\"x\ny\"\n");
        }
        csv.append("1\n2,3,4\n"); // the first problem is the line with one field, line 2 + 500 * 2 = 1002
        Path file = write(csv.toString());

        for (int threads : new int[] {1, 2}) {
            CsvTable table = CsvTable.open(file, CsvFormat.defaults(), 50);
            assertThatThrownBy(() -> CollectedRows.read(table, List.of(INTEGER, STRING), threads))
                    .hasMessageStartingWith(file + ", row 1002: expected 2 fields");
        }
    }

    @Test
    public void shouldReportTheEarliestRowWhenOneBatchHoldsSeveralProblems() throws IOException {
        Path file = write("a,b,c\n1,2,x\n3,four,y\n5,6\nseven,8,z\n");
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        // row 3 (a word in b) comes before row 4 (ragged) and row 5 (a word in a, the leftmost column)
        assertThatThrownBy(() -> CollectedRows.read(table, List.of(INTEGER, INTEGER, STRING), 1))
                .hasMessageStartingWith(file + ", row 3, column 'b': expected a number");
    }

    @Test
    public void shouldTreatASingleColumnsBlankLineAsAMissingValue() throws IOException {
        Path file = write("a\nx\n\ny\n");

        List<CollectedRows.Row> rows = CollectedRows.read(CsvTable.open(file, CsvFormat.defaults()), List.of(STRING), 1);

        assertThat(values(rows)).containsExactly(row("x"), Collections.singletonList(null), row("y"));
    }
}
