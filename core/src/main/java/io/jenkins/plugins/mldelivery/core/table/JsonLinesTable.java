package io.jenkins.plugins.mldelivery.core.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Lines file (one flat JSON object per line), read with Jackson's streaming parser on one
 * thread. The columns are the keys of the objects in the first {@link #INFERENCE_RECORDS} lines, in
 * the order they first appear; their types are inferred from the JSON values there (whole numbers:
 * integer; other numbers: decimal; true/false: boolean; strings: date-time when every one is an
 * ISO-8601 date, else string). A key whose value is an object or an array is not profiled; a key
 * first seen later is refused with its line. Missing keys and {@code null} are missing values. Rows
 * are the file's line numbers; records are summarised in chunks of {@link #CHUNK_RECORDS}.
 */
final class JsonLinesTable implements DataTable {
    /** How many records the column names and types are taken from. */
    static final int INFERENCE_RECORDS = 10_000;
    /** How many records make one chunk. */
    static final int CHUNK_RECORDS = 1 << 16;
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Path file;
    private final List<String> columns;
    private final List<ColumnType> types;
    private final List<String> notProfiled;

    private JsonLinesTable(final Path file, final List<String> columns, final List<ColumnType> types,
            final List<String> notProfiled) {
        this.file = file;
        this.columns = columns;
        this.types = types;
        this.notProfiled = notProfiled;
    }

    static JsonLinesTable open(final Path file) {
        Map<String, ColumnType> seen = new LinkedHashMap<>();
        Map<String, Boolean> nested = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
            int records = 0;
            JsonToken token;
            while (records < INFERENCE_RECORDS && (token = parser.nextToken()) != null) {
                expectObject(file, parser, token);
                records++;
                while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    token = parser.nextToken();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        nested.put(key, Boolean.TRUE);
                        parser.skipChildren();
                        continue;
                    }
                    ColumnType type = typeOf(parser, token);
                    if (type != null) {
                        ColumnType known = seen.get(key);
                        seen.put(key, known == null ? type : widen(known, type));
                    }
                    else {
                        seen.putIfAbsent(key, null);
                    }
                }
            }
            if (records == 0) {
                throw new BadInputException(file + ": an empty JSON Lines file");
            }
        }
        catch (JsonProcessingException e) {
            throw BadInputException.at(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "not valid JSON: " + e.getOriginalMessage());
        }
        catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        List<String> notProfiled = new ArrayList<>();
        seen.forEach((name, type) -> {
            if (nested.containsKey(name)) {
                return;
            }
            names.add(name);
            types.add(type == null ? ColumnType.STRING : type);
        });
        nested.keySet().forEach(name -> notProfiled.add(name + " (nested: a JSON object or array)"));
        return new JsonLinesTable(file, List.copyOf(names), List.copyOf(types), List.copyOf(notProfiled));
    }

    private static void expectObject(final Path file, final JsonParser parser, final JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            throw BadInputException.at(file, parser.currentTokenLocation().getLineNr(), null,
                    "expected a JSON object per line, found " + token.asString());
        }
    }

    private static ColumnType typeOf(final JsonParser parser, final JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> ColumnType.INTEGER;
            case VALUE_NUMBER_FLOAT -> ColumnType.DECIMAL;
            case VALUE_TRUE, VALUE_FALSE -> ColumnType.BOOLEAN;
            case VALUE_STRING -> {
                byte[] bytes = parser.getText().getBytes(StandardCharsets.UTF_8);
                DateTimeParser dates = new DateTimeParser();
                dates.parse(bytes, 0, bytes.length);
                yield dates.valid() ? ColumnType.DATETIME : ColumnType.STRING;
            }
            default -> null;
        };
    }

    private static ColumnType widen(final ColumnType a, final ColumnType b) {
        return a.widen(b);
    }

    @Override
    public Path path() {
        return file;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<String> notProfiled() {
        return notProfiled;
    }

    @Override
    public List<ColumnType> inferTypes() {
        return types;
    }

    @Override
    public <R> R scan(final List<ColumnType> declared, final int threads, final ChunkWork<R> work) {
        ColumnType[] typeArray = declared.toArray(ColumnType[]::new);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            index.put(columns.get(c), c);
        }
        java.util.Set<String> skipped = new java.util.HashSet<>();
        notProfiled.forEach(entry -> skipped.add(entry.substring(0, entry.lastIndexOf(" (nested"))));
        RecordBatch batch = new RecordBatch(typeArray, new ByteDictionary[typeArray.length]);
        Filler filler = new Filler(batch);
        R accumulated = null;
        long line = 0;
        String column = null;
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
            int chunk = 0;
            JsonToken token = parser.nextToken();
            while (token != null) {
                ChunkProcessor<R> processor = work.newProcessor(chunk);
                for (int c = 0; c < typeArray.length; c++) {
                    batch.dictionaries[c] = typeArray[c].isNumeric() ? null : new ByteDictionary();
                }
                long chunkFirstLine = parser.currentTokenLocation().getLineNr();
                int records = 0;
                filler.start();
                while (token != null && records < CHUNK_RECORDS) {
                    expectObject(file, parser, token);
                    line = parser.currentTokenLocation().getLineNr();
                    int r = filler.beginRecord((int) (line - chunkFirstLine));
                    while (parser.nextToken() != JsonToken.END_OBJECT) {
                        column = parser.currentName();
                        Integer c = index.get(column);
                        token = parser.nextToken();
                        if (c == null) {
                            if (!skipped.contains(column)) {
                                throw BadInputException.at(file, line, column, "a key that the first " + INFERENCE_RECORDS
                                        + " lines do not have; put every key in the first lines, or declare the columns");
                            }
                            parser.skipChildren();
                            continue;
                        }
                        filler.value(c, r, parser, token);
                    }
                    column = null;
                    filler.endRecord(r);
                    records++;
                    if (batch.size == RecordBatch.CAPACITY) {
                        processor.accept(batch);
                        filler.start();
                    }
                    token = parser.nextToken();
                }
                if (batch.size > 0) {
                    processor.accept(batch);
                }
                accumulated = work.merge(accumulated, processor.finish(), chunkFirstLine);
                chunk++;
            }
            return accumulated;
        }
        catch (Mismatch e) {
            throw BadInputException.at(file, line, column, e.getMessage());
        }
        catch (JsonProcessingException e) {
            throw BadInputException.at(file, e.getLocation() == null ? line : e.getLocation().getLineNr(), column,
                    "not valid JSON: " + e.getOriginalMessage());
        }
        catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A value that does not fit its column's type. */
    private static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(final String message) {
            super(message, null, false, false);
        }
    }

    /** Puts JSON values into a batch, record by record. */
    private static final class Filler {
        private final RecordBatch batch;
        private final boolean[] present;
        private final NumberParser numbers = new NumberParser();
        private final DateTimeParser dates = new DateTimeParser();
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        private final Utf8 utf8 = new Utf8();
        private byte[] scratch = new byte[256];

        Filler(final RecordBatch batch) {
            this.batch = batch;
            this.present = new boolean[batch.columns];
        }

        void start() {
            batch.size = 0;
            for (int c = 0; c < batch.columns; c++) {
                batch.numberCount[c] = 0;
                batch.missingCount[c] = 0;
                batch.nonIntegerCount[c] = 0;
            }
        }

        int beginRecord(final int lineOffset) {
            int r = batch.size++;
            batch.lines[r] = lineOffset;
            java.util.Arrays.fill(present, false);
            return r;
        }

        void endRecord(final int r) {
            for (int c = 0; c < batch.columns; c++) {
                if (!present[c]) {
                    missing(c, r);
                }
            }
        }

        private void missing(final int c, final int r) {
            batch.missingRecords[c][batch.missingCount[c]++] = r;
            if (!batch.types[c].isNumeric()) {
                batch.ids[c][r] = RecordBatch.MISSING;
            }
        }

        void value(final int c, final int r, final JsonParser parser, final JsonToken token) throws IOException {
            if (present[c]) {
                throw new Mismatch("the key appears twice in one object");
            }
            present[c] = true;
            if (token == JsonToken.VALUE_NULL) {
                missing(c, r);
                return;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                throw new Mismatch("expected a value of type " + batch.types[c] + ", found a JSON "
                        + (token == JsonToken.START_OBJECT ? "object" : "array"));
            }
            ColumnType type = batch.types[c];
            if (type.isNumeric()) {
                double value;
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    if (type == ColumnType.DATETIME) {
                        throw new Mismatch("expected an ISO-8601 date or date-time (column type datetime), found " + parser.getText());
                    }
                    value = token == JsonToken.VALUE_NUMBER_INT ? integer(parser) : parser.getDoubleValue();
                }
                else if (token == JsonToken.VALUE_STRING) {
                    int length = encode(parser);
                    if (type == ColumnType.DATETIME) {
                        value = dates.parse(scratch, 0, length);
                        if (!dates.valid()) {
                            throw new Mismatch("expected an ISO-8601 date or date-time (column type datetime), found '"
                                    + shortened(parser.getText()) + "'");
                        }
                    }
                    else {
                        value = numbers.parse(scratch, 0, length);
                        if (!numbers.valid()) {
                            throw new Mismatch("expected a number (column type " + type + "), found '" + shortened(parser.getText()) + "'");
                        }
                    }
                }
                else {
                    throw new Mismatch("expected a number (column type " + type + "), found " + parser.getText());
                }
                if (Double.isNaN(value)) {
                    missing(c, r);
                    return;
                }
                if (type == ColumnType.INTEGER && value != Math.rint(value) && !Double.isInfinite(value)) {
                    batch.nonIntegerRecords[c][batch.nonIntegerCount[c]++] = r;
                }
                batch.numbers[c][batch.numberCount[c]] = value;
                batch.numberRecords[c][batch.numberCount[c]++] = r;
                return;
            }
            int length = encode(parser);
            ByteDictionary dictionary = batch.dictionaries[c];
            int known = dictionary.size();
            int id = dictionary.idOf(scratch, 0, length);
            if (id == ByteDictionary.FULL) {
                batch.ids[c][r] = RecordBatch.UNLISTED;
                batch.unlisted[c][r] = checked(type, parser.getText());
                return;
            }
            if (id == known) {
                checked(type, dictionary.value(id, utf8));
            }
            batch.ids[c][r] = id;
        }

        private static double integer(final JsonParser parser) throws IOException {
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue().doubleValue()
                    : parser.getLongValue();
        }

        private static String checked(final ColumnType type, final String value) {
            if (type == ColumnType.BOOLEAN && !ColumnDecoder.isBoolean(value)) {
                throw new Mismatch("expected a boolean (column type boolean), found '" + shortened(value) + "'");
            }
            return value;
        }

        private static String shortened(final String text) {
            return text.length() > 40 ? text.substring(0, 37) + "..." : text;
        }

        /** Encodes the current token's text as UTF-8 into the scratch buffer, without a String for plain strings. */
        private int encode(final JsonParser parser) throws IOException {
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            if (scratch.length < length * 3) {
                scratch = new byte[Math.max(length * 3, scratch.length * 2)];
            }
            encoder.reset();
            ByteBuffer out = ByteBuffer.wrap(scratch);
            encoder.encode(CharBuffer.wrap(chars, offset, length), out, true);
            encoder.flush(out);
            return out.position();
        }
    }
}
