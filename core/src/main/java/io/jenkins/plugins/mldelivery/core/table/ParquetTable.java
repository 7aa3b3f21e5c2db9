package io.jenkins.plugins.mldelivery.core.table;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Parquet file, or a directory of Parquet files (searched recursively; names starting with
 * {@code _} or {@code .}, such as Spark's {@code _SUCCESS}, are skipped), read with parquet-java.
 * Column types come from the Parquet schema ({@link ParquetColumn}); hive partition directories
 * become columns after the file's own ({@link HivePartitions}); nested columns are left out and
 * listed by {@link #notProfiled()}. A chunk is one row group; row groups are read on several threads
 * and their summaries merged in file then row-group order. Rows are numbered from 1 across the files.
 */
final class ParquetTable implements DataTable {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final Path path;
    private final List<Path> files;
    private final List<ParquetColumn> fileColumns;
    private final List<String> notProfiled;
    private final HivePartitions partitions;
    private final List<RowGroup> rowGroups;

    /** One row group of one file: the unit read by one thread. */
    record RowGroup(int file, int index, long firstRow, long rows) {
    }

    private ParquetTable(final Path path, final List<Path> files, final List<ParquetColumn> fileColumns,
            final List<String> notProfiled, final HivePartitions partitions, final List<RowGroup> rowGroups) {
        this.path = path;
        this.files = files;
        this.fileColumns = fileColumns;
        this.notProfiled = notProfiled;
        this.partitions = partitions;
        this.rowGroups = rowGroups;
    }

    /**
     * Opens a Parquet file or directory and reads every file's footer.
     *
     * @param path the file or directory
     * @return the table
     * @throws BadInputException naming the file (and column) when a file is not Parquet, is truncated,
     *                           has an unsupported column type, or its schema differs from the first file's
     */
    static ParquetTable open(final Path path) {
        List<Path> files = filesOf(path);
        List<ParquetColumn> columns = null;
        List<String> nested = null;
        MessageType firstSchema = null;
        List<RowGroup> rowGroups = new ArrayList<>();
        long rows = 0;
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            checkMagic(file);
            try (ParquetFileReader reader = openReader(file)) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<ParquetColumn> fileColumns = new ArrayList<>();
                List<String> fileNested = new ArrayList<>();
                for (Type field : schema.getFields()) {
                    ParquetColumn column;
                    try {
                        column = ParquetColumn.of(field);
                    }
                    catch (ParquetColumn.UnsupportedTypeException e) {
                        throw BadInputException.at(file, 0, e.column(), e.getMessage());
                    }
                    if (column == null) {
                        fileNested.add(field.getName() + " (nested: " + describe(field) + ")");
                    }
                    else {
                        fileColumns.add(column);
                    }
                }
                if (columns == null) {
                    columns = fileColumns;
                    nested = fileNested;
                    firstSchema = schema;
                }
                else if (!schema.getFields().equals(firstSchema.getFields())) {
                    throw schemaChanged(files.get(0), file, firstSchema, schema);
                }
                List<BlockMetaData> blocks = reader.getRowGroups();
                for (int b = 0; b < blocks.size(); b++) {
                    checkCodecs(file, blocks.get(b));
                    long count = blocks.get(b).getRowCount();
                    if (count > 0) {
                        rowGroups.add(new RowGroup(f, b, rows, count));
                        rows += count;
                    }
                }
            }
            catch (IOException | RuntimeException e) {
                if (e instanceof BadInputException bad) {
                    throw bad;
                }
                throw new BadInputException(file + ": not a readable Parquet file: its footer cannot be read"
                        + " (the file is truncated or corrupt)", e);
            }
        }
        HivePartitions partitions = HivePartitions.of(Files.isDirectory(path) ? path : path.getParent() == null
                ? Path.of("") : path.getParent(), Files.isDirectory(path) ? files : List.of());
        for (String name : partitions.names()) {
            if (columns.stream().anyMatch(column -> column.name().equals(name))) {
                throw new BadInputException(path + ": the partition column '" + name + "' is also a column of the files");
            }
        }
        if (rows == 0) {
            throw new BadInputException(path + ": the Parquet data has no rows");
        }
        return new ParquetTable(path, files, List.copyOf(columns), List.copyOf(nested), partitions, List.copyOf(rowGroups));
    }

    private static String describe(final Type field) {
        String text = field.toString().replaceAll("\\s+", " ").trim();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static BadInputException schemaChanged(final Path first, final Path file, final MessageType expected,
            final MessageType found) {
        for (Type field : expected.getFields()) {
            if (!found.containsField(field.getName())) {
                return BadInputException.at(file, 0, field.getName(), "the schema changed between the files of the dataset: "
                        + "the column is in " + first + " but not in this file");
            }
            Type other = found.getType(field.getName());
            if (!other.equals(field)) {
                return BadInputException.at(file, 0, field.getName(), "the schema changed between the files of the dataset: "
                        + describe(field) + " in " + first + ", " + describe(other) + " here");
            }
        }
        for (Type field : found.getFields()) {
            if (!expected.containsField(field.getName())) {
                return BadInputException.at(file, 0, field.getName(), "the schema changed between the files of the dataset: "
                        + "the column is not in " + first);
            }
        }
        return BadInputException.at(file, 0, null, "the schema changed between the files of the dataset: "
                + "the columns are in another order than in " + first);
    }

    private static void checkCodecs(final Path file, final BlockMetaData block) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (!ParquetCodecs.supports(chunk.getCodec())) {
                throw BadInputException.at(file, 0, chunk.getPath().toDotString(), "compressed with " + chunk.getCodec()
                        + ", which is not supported (supported: uncompressed, snappy, gzip, zstd, lz4_raw)");
            }
        }
    }

    static ParquetFileReader openReader(final Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs()).build();
        return new ParquetFileReader(new LocalInputFile(file), options);
    }

    private static void checkMagic(final Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            byte[] head = new byte[4];
            byte[] tail = new byte[4];
            if (size >= 12) {
                read(channel, 0, head);
                read(channel, size - 4, tail);
            }
            if (!Arrays.equals(head, MAGIC)) {
                throw new BadInputException(file + ": not a Parquet file: it does not start with the magic bytes PAR1");
            }
            if (!Arrays.equals(tail, MAGIC)) {
                throw new BadInputException(file + ": a truncated Parquet file: it does not end with the magic bytes PAR1");
            }
        }
        catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void read(final SeekableByteChannel channel, final long position, final byte[] into) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(into);
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading
        }
    }

    private static List<Path> filesOf(final Path path) {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile).filter(file -> !hidden(path, file)).forEach(files::add);
        }
        catch (IOException | UncheckedIOException e) {
            throw new BadInputException(path + ": cannot list the directory: " + e.getMessage(), e);
        }
        Collections.sort(files);
        if (files.isEmpty()) {
            throw new BadInputException(path + ": a directory without data files (expected Parquet files)");
        }
        return files;
    }

    /** Hive, Spark and pyarrow mark files that are not data with a leading '_' or '.' in any path part. */
    private static boolean hidden(final Path root, final Path file) {
        for (Path part : root.relativize(file)) {
            String name = part.toString();
            if (name.startsWith("_") && !name.contains("=") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        fileColumns.forEach(column -> names.add(column.name()));
        names.addAll(partitions.names());
        return names;
    }

    @Override
    public List<String> notProfiled() {
        return notProfiled;
    }

    @Override
    public List<ColumnType> inferTypes() {
        List<ColumnType> types = new ArrayList<>();
        fileColumns.forEach(column -> types.add(column.type()));
        types.addAll(partitions.types());
        return types;
    }

    List<Path> files() {
        return files;
    }

    List<ParquetColumn> fileColumns() {
        return fileColumns;
    }

    HivePartitions partitions() {
        return partitions;
    }

    @Override
    public <R> R scan(final List<ColumnType> types, final int threads, final ChunkWork<R> work) {
        if (types.size() != fileColumns.size() + partitions.names().size()) {
            throw new IllegalArgumentException("expected " + columns().size() + " column types, got " + types.size());
        }
        ColumnType[] typeArray = types.toArray(ColumnType[]::new);
        ParquetChunkReader reader = new ParquetChunkReader(this, typeArray, work);
        int chunks = rowGroups.size();
        try (ChunkPipeline<ParquetChunkReader.Outcome<R>> pipeline = new ChunkPipeline<>(chunks, threads,
                index -> reader.read(index, rowGroups.get(index)), "ml-delivery-parquet")) {
            R accumulated = null;
            for (int index = 0; index < chunks; index++) {
                ParquetChunkReader.Outcome<R> outcome = pipeline.next();
                if (outcome.failure() != null) {
                    throw outcome.failure();
                }
                accumulated = work.merge(accumulated, outcome.value(), rowGroups.get(index).firstRow() + 1);
            }
            return accumulated;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + path, e);
        }
    }
}
