package io.jenkins.plugins.mldelivery.core.table;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one row group of a {@link ParquetTable} column by column, straight from parquet-java's column
 * readers into {@link RecordBatch}es: numbers into the batch's double arrays, strings and booleans as
 * dictionary ids of their bytes (no row objects, no String per value). A column whose type was
 * declared differently from the Parquet schema is converted where that is lossless (an integer read
 * as decimal, a number or boolean read as string, a string parsed as a number, boolean or date-time)
 * and refused otherwise.
 */
final class ParquetChunkReader {
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private final ParquetTable table;
    private final ColumnType[] types;
    private final ChunkWork<?> work;
    private final MessageType projection;
    private final List<ColumnDescriptor> descriptors;
    private final ThreadLocal<RecordBatch> batches;

    /**
     * What reading a row group gave: its summary, or the first problem.
     *
     * @param value   the summary
     * @param failure the problem, or {@code null}
     * @param <R>     the type of the summary
     */
    record Outcome<R>(R value, BadInputException failure) {
    }

    ParquetChunkReader(final ParquetTable table, final ColumnType[] types, final ChunkWork<?> work) {
        this.table = table;
        this.types = types;
        this.work = work;
        List<Type> fields = new ArrayList<>();
        List<ParquetColumn> columns = table.fileColumns();
        for (int c = 0; c < columns.size(); c++) {
            checkConvertible(columns.get(c), types[c]);
        }
        List<ColumnDescriptor> found = new ArrayList<>();
        this.projection = projection(fields, found);
        this.descriptors = found;
        this.batches = ThreadLocal.withInitial(() -> new RecordBatch(types, new ByteDictionary[types.length]));
    }

    private MessageType projection(final List<Type> fields, final List<ColumnDescriptor> found) {
        try (ParquetFileReader reader = ParquetTable.openReader(table.files().get(0))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            for (ParquetColumn column : table.fileColumns()) {
                fields.add(schema.getType(column.name()));
            }
            MessageType projected = new MessageType(schema.getName(), fields);
            for (ParquetColumn column : table.fileColumns()) {
                found.add(projected.getColumnDescription(new String[] {column.name()}));
            }
            return projected;
        }
        catch (IOException e) {
            throw new BadInputException(table.files().get(0) + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private void checkConvertible(final ParquetColumn column, final ColumnType type) {
        ColumnType source = column.type();
        boolean fine = source == type
                || source == ColumnType.INTEGER && type == ColumnType.DECIMAL
                || source == ColumnType.DECIMAL && type == ColumnType.INTEGER
                || type == ColumnType.STRING && source != ColumnType.DATETIME
                || source == ColumnType.STRING;
        if (!fine) {
            throw BadInputException.at(table.files().get(0), 0, column.name(), "the Parquet type " + column.describe()
                    + " cannot be read as " + type + " (the type declared in the schema or taken from the reference)");
        }
    }

    <R> Outcome<R> read(final int chunkIndex, final ParquetTable.RowGroup group) {
        @SuppressWarnings("unchecked")
        ChunkProcessor<R> processor = (ChunkProcessor<R>) work.newProcessor(chunkIndex);
        Path file = table.files().get(group.file());
        String column = null;
        try (ParquetFileReader reader = ParquetTable.openReader(file)) {
            reader.setRequestedSchema(projection);
            PageReadStore pages = reader.readRowGroup(group.index());
            List<ParquetColumn> columns = table.fileColumns();
            boolean[] dictionaryOnly = dictionaryOnly(reader.getRowGroups().get(group.index()), columns);
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, ignored(dictionaryOnly), projection,
                    reader.getFooter().getFileMetaData().getCreatedBy());
            ColumnReader[] readers = new ColumnReader[columns.size()];
            for (int c = 0; c < readers.length; c++) {
                readers[c] = store.getColumnReader(descriptors.get(c));
            }
            RecordBatch batch = batches.get();
            for (int c = 0; c < types.length; c++) {
                batch.dictionaries[c] = types[c].isNumeric() ? null : new ByteDictionary();
            }
            Utf8 utf8 = new Utf8();
            Values values = new Values(utf8, dictionaryOnly);
            long done = 0;
            while (done < group.rows()) {
                int size = (int) Math.min(RecordBatch.CAPACITY, group.rows() - done);
                batch.size = size;
                for (int r = 0; r < size; r++) {
                    batch.lines[r] = (int) (done + r);
                }
                for (int c = 0; c < readers.length; c++) {
                    column = columns.get(c).name();
                    values.fill(batch, c, columns.get(c), readers[c], size);
                }
                column = null;
                for (int p = 0; p < table.partitions().names().size(); p++) {
                    values.constant(batch, readers.length + p, table.partitions().value(group.file(), p));
                }
                processor.accept(batch);
                done += size;
            }
            return new Outcome<>(processor.finish(), null);
        }
        catch (ValueFailure failure) {
            return new Outcome<>(null, BadInputException.at(file, group.firstRow() + failure.row + 1 - 0,
                    column, failure.getMessage()));
        }
        catch (BadInputException failure) {
            return new Outcome<>(null, failure);
        }
        catch (IOException | RuntimeException e) {
            return new Outcome<>(null, BadInputException.at(file, 0, column, "the Parquet data cannot be decoded"
                    + " (the file is truncated or corrupt)"));
        }
    }

    /**
     * The record converter parquet-java wants, never called: values are taken from the column
     * readers. Declaring dictionary support for a column makes its reader hand out dictionary ids.
     */
    private static GroupConverter ignored(final boolean[] dictionarySupport) {
        return new GroupConverter() {
            @Override
            public Converter getConverter(final int fieldIndex) {
                return new PrimitiveConverter() {
                    @Override
                    public boolean hasDictionarySupport() {
                        return dictionarySupport[fieldIndex];
                    }

                    @Override
                    public void setDictionary(final org.apache.parquet.column.Dictionary dictionary) {
                        // the reader decodes values itself
                    }
                };
            }

            @Override
            public void start() {
                // no records are assembled
            }

            @Override
            public void end() {
                // as above
            }
        };
    }

    /**
     * Finds the string columns whose every data page in this row group is dictionary-encoded: their
     * values are looked up once per dictionary entry rather than once per value.
     */
    private boolean[] dictionaryOnly(final org.apache.parquet.hadoop.metadata.BlockMetaData block,
            final List<ParquetColumn> columns) {
        boolean[] only = new boolean[columns.size()];
        for (int c = 0; c < only.length; c++) {
            if (columns.get(c).kind() != ParquetColumn.Kind.STRING || types[c].isNumeric()) {
                continue;
            }
            for (org.apache.parquet.hadoop.metadata.ColumnChunkMetaData chunk : block.getColumns()) {
                if (chunk.getPath().toDotString().equals(columns.get(c).name())) {
                    org.apache.parquet.column.EncodingStats stats = chunk.getEncodingStats();
                    only[c] = stats != null && stats.hasDictionaryPages() && !stats.hasNonDictionaryEncodedPages();
                }
            }
        }
        return only;
    }

    /** A value that does not fit its column's declared type, at a row of the chunk. */
    private static final class ValueFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long row;

        ValueFailure(final long row, final String message) {
            super(message, null, false, false);
            this.row = row;
        }
    }

    /** Moves values from column readers into a batch; one per chunk. */
    private static final class Values {
        private final Utf8 utf8;
        private final NumberParser numberParser = new NumberParser();
        private final DateTimeParser dateTimeParser = new DateTimeParser();
        private final byte[] int96 = new byte[12];
        private final boolean[] dictionaryOnly;
        /** Per column, the batch dictionary's id of each Parquet dictionary id seen so far (-1: not yet). */
        private final int[][] dictionaryIds;

        Values(final Utf8 utf8, final boolean[] dictionaryOnly) {
            this.utf8 = utf8;
            this.dictionaryOnly = dictionaryOnly;
            this.dictionaryIds = new int[dictionaryOnly.length][];
        }

        /** Looks a dictionary-encoded value up by its Parquet dictionary id, its bytes only the first time. */
        private void dictionaryCategory(final RecordBatch batch, final int c, final int r, final ParquetColumn column,
                final ColumnReader reader) {
            int parquetId = reader.getCurrentValueDictionaryID();
            int[] known = dictionaryIds[c];
            if (known == null || parquetId >= known.length) {
                int[] grown = new int[Math.max(parquetId + 1, known == null ? 256 : known.length * 2)];
                java.util.Arrays.fill(grown, -1);
                if (known != null) {
                    System.arraycopy(known, 0, grown, 0, known.length);
                }
                known = grown;
                dictionaryIds[c] = known;
            }
            int id = known[parquetId];
            if (id >= 0) {
                batch.ids[c][r] = id;
                return;
            }
            category(batch, c, r, column, reader);
            if (batch.ids[c][r] >= 0) {
                known[parquetId] = batch.ids[c][r];
            }
        }

        void fill(final RecordBatch batch, final int c, final ParquetColumn column, final ColumnReader reader, final int size) {
            int maxDefinition = reader.getDescriptor().getMaxDefinitionLevel();
            ColumnType type = batch.types[c];
            int missing = 0;
            int count = 0;
            batch.nonIntegerCount[c] = 0;
            boolean textSource = column.kind() == ParquetColumn.Kind.STRING;
            for (int r = 0; r < size; r++) {
                if (reader.getCurrentDefinitionLevel() < maxDefinition) {
                    reader.consume();
                    batch.missingRecords[c][missing++] = r;
                    if (!type.isNumeric()) {
                        batch.ids[c][r] = RecordBatch.MISSING;
                    }
                    continue;
                }
                if (type.isNumeric()) {
                    double value = textSource ? parse(batch, c, r, reader.getBinary(), type) : number(column, reader);
                    reader.consume();
                    if (Double.isNaN(value)) {
                        batch.missingRecords[c][missing++] = r;
                        continue;
                    }
                    if (type == ColumnType.INTEGER && value != Math.rint(value) && !Double.isInfinite(value)) {
                        batch.nonIntegerRecords[c][batch.nonIntegerCount[c]++] = r;
                    }
                    batch.numbers[c][count] = value;
                    batch.numberRecords[c][count++] = r;
                }
                else {
                    if (dictionaryOnly[c]) {
                        dictionaryCategory(batch, c, r, column, reader);
                    }
                    else {
                        category(batch, c, r, column, reader);
                    }
                    reader.consume();
                }
            }
            batch.numberCount[c] = count;
            batch.missingCount[c] = missing;
        }

        private double number(final ParquetColumn column, final ColumnReader reader) {
            return switch (column.kind()) {
                case INT32 -> reader.getInteger();
                case UINT32 -> Integer.toUnsignedLong(reader.getInteger());
                case INT64 -> reader.getLong();
                case UINT64 -> unsigned(reader.getLong());
                case FLOAT -> reader.getFloat();
                case DOUBLE -> reader.getDouble();
                case DECIMAL_INT32 -> BigDecimal.valueOf(reader.getInteger(), column.scale()).doubleValue();
                case DECIMAL_INT64 -> BigDecimal.valueOf(reader.getLong(), column.scale()).doubleValue();
                case DECIMAL_BINARY -> new BigDecimal(new BigInteger(reader.getBinary().getBytes()), column.scale()).doubleValue();
                case DATE -> reader.getInteger() * 86_400.0;
                case TIMESTAMP -> seconds(reader.getLong(), (long) column.unitPerSecond());
                case INT96 -> int96(reader.getBinary());
                default -> throw new IllegalStateException("not a number: " + column.kind());
            };
        }

        private static double unsigned(final long value) {
            return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
        }

        /** Whole seconds plus the fraction, as the CSV reader computes a date-time's seconds. */
        private static double seconds(final long value, final long perSecond) {
            return Math.floorDiv(value, perSecond) + (double) Math.floorMod(value, perSecond) / perSecond;
        }

        /** Hive's int96 timestamp: nanoseconds of the day, then the Julian day, little-endian. */
        private double int96(final Binary binary) {
            ByteBuffer buffer = binary.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            buffer.get(int96);
            ByteBuffer bytes = ByteBuffer.wrap(int96).order(ByteOrder.LITTLE_ENDIAN);
            long nanos = bytes.getLong();
            long day = bytes.getInt();
            return (day - JULIAN_DAY_OF_EPOCH) * 86_400L + seconds(nanos, 1_000_000_000L);
        }

        private double parse(final RecordBatch batch, final int c, final int r, final Binary binary, final ColumnType type) {
            byte[] bytes = binary.getBytes();
            double value;
            boolean valid;
            if (type == ColumnType.DATETIME) {
                value = dateTimeParser.parse(bytes, 0, bytes.length);
                valid = dateTimeParser.valid();
            }
            else {
                value = numberParser.parse(bytes, 0, bytes.length);
                valid = numberParser.valid();
            }
            if (!valid) {
                throw mismatch(batch, r, type, bytes);
            }
            return value;
        }

        private void category(final RecordBatch batch, final int c, final int r, final ParquetColumn column,
                final ColumnReader reader) {
            byte[] bytes;
            int from;
            int to;
            switch (column.kind()) {
                case BOOLEAN -> {
                    bytes = reader.getBoolean() ? TRUE : FALSE;
                    from = 0;
                    to = bytes.length;
                }
                case STRING -> {
                    ByteBuffer buffer = reader.getBinary().toByteBuffer();
                    if (buffer.hasArray()) {
                        bytes = buffer.array();
                        from = buffer.arrayOffset() + buffer.position();
                    }
                    else {
                        bytes = new byte[buffer.remaining()];
                        buffer.get(bytes);
                        from = 0;
                    }
                    to = from + buffer.remaining();
                    if (!buffer.hasArray()) {
                        to = bytes.length;
                    }
                }
                default -> {
                    double value = number(column, reader);
                    String text = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                            : Double.toString(value);
                    bytes = text.getBytes(StandardCharsets.US_ASCII);
                    from = 0;
                    to = bytes.length;
                }
            }
            store(batch, c, r, bytes, from, to);
        }

        private void store(final RecordBatch batch, final int c, final int r, final byte[] bytes, final int from, final int to) {
            ByteDictionary dictionary = batch.dictionaries[c];
            int known = dictionary.size();
            int id = dictionary.idOf(bytes, from, to);
            boolean booleans = batch.types[c] == ColumnType.BOOLEAN;
            if (id == ByteDictionary.FULL) {
                String value;
                try {
                    value = utf8.decode(bytes, from, to);
                }
                catch (Utf8.InvalidUtf8Exception e) {
                    throw new ValueFailure(r, "not UTF-8 text: binary columns are profiled as strings and must hold UTF-8");
                }
                if (booleans && !ColumnDecoder.isBoolean(value)) {
                    throw mismatch(batch, r, ColumnType.BOOLEAN, bytes);
                }
                batch.ids[c][r] = RecordBatch.UNLISTED;
                batch.unlisted[c][r] = value;
                return;
            }
            if (id == known) {
                if (!utf8.isValid(bytes, from, to)) {
                    throw new ValueFailure(r, "not UTF-8 text: binary columns are profiled as strings and must hold UTF-8");
                }
                if (booleans && !ColumnDecoder.isBoolean(dictionary.value(id, utf8))) {
                    throw mismatch(batch, r, ColumnType.BOOLEAN, java.util.Arrays.copyOfRange(bytes, from, to));
                }
            }
            batch.ids[c][r] = id;
        }

        void constant(final RecordBatch batch, final int c, final String value) {
            int size = batch.size;
            batch.nonIntegerCount[c] = 0;
            if (value == null) {
                for (int r = 0; r < size; r++) {
                    batch.missingRecords[c][r] = r;
                    if (!batch.types[c].isNumeric()) {
                        batch.ids[c][r] = RecordBatch.MISSING;
                    }
                }
                batch.missingCount[c] = size;
                batch.numberCount[c] = 0;
                return;
            }
            batch.missingCount[c] = 0;
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (batch.types[c].isNumeric()) {
                double number = batch.types[c] == ColumnType.DATETIME ? dateTimeParser.parse(bytes, 0, bytes.length)
                        : numberParser.parse(bytes, 0, bytes.length);
                boolean valid = batch.types[c] == ColumnType.DATETIME ? dateTimeParser.valid() : numberParser.valid();
                if (!valid) {
                    throw mismatch(batch, 0, batch.types[c], bytes);
                }
                for (int r = 0; r < size; r++) {
                    batch.numbers[c][r] = number;
                    batch.numberRecords[c][r] = r;
                    if (batch.types[c] == ColumnType.INTEGER && number != Math.rint(number)) {
                        batch.nonIntegerRecords[c][batch.nonIntegerCount[c]++] = r;
                    }
                }
                batch.numberCount[c] = size;
                return;
            }
            batch.numberCount[c] = 0;
            for (int r = 0; r < size; r++) {
                store(batch, c, r, bytes, 0, bytes.length);
            }
        }

        private static ValueFailure mismatch(final RecordBatch batch, final int r, final ColumnType type, final byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.length() > 40) {
                text = text.substring(0, 37) + "...";
            }
            return new ValueFailure(r, "expected a value of type " + type + ", found '" + text + "'");
        }
    }
}
