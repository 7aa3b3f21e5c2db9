package io.jenkins.plugins.mldelivery.core.registry.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The append-only audit log: one JSON object per line, each line forced to disk before the
 * documents change. Only lines that end with a newline count: a line cut short by a crash was
 * never committed, and the next writer cuts it off before appending.
 */
final class AuditLog {
    static final String FILE_NAME = "audit.jsonl";

    private static final ObjectWriter WRITER = ResultJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READER = ResultJson.mapper().readerFor(AuditEvent.class);
    private static final int BLOCK = 1 << 14;

    private final Path file;

    AuditLog(final Path root) {
        this.file = root.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /** Appends a line and forces it to disk; the caller holds the registry's lock. */
    void append(final AuditEvent event) {
        byte[] json;
        try {
            json = WRITER.writeValueAsBytes(event);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit event: " + e.getOriginalMessage(), e);
        }
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot append: " + e.getMessage(), e);
        }
    }

    /** Cuts off a last line that a crash left without its newline; the caller holds the lock exclusively. */
    void cutIncompleteTail() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = completeEnd(channel);
            if (end < channel.size()) {
                channel.truncate(end);
                channel.force(true);
            }
        }
        catch (NoSuchFileException e) {
            // no log yet
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the last committed event, reading the file from its end. */
    Optional<AuditEvent> last() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = completeEnd(channel);
            if (end == 0) {
                return Optional.empty();
            }
            long start = lastNewlineBefore(channel, end - 1) + 1;
            ByteBuffer line = ByteBuffer.allocate(Math.toIntExact(end - 1 - start));
            while (line.hasRemaining() && channel.read(line, start + line.position()) >= 0) {
                // read until full
            }
            return Optional.of(parse(line.array(), -1));
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the committed events that match, oldest first, streaming the file. */
    List<AuditEvent> read(final Predicate<AuditEvent> filter) {
        List<AuditEvent> events = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BLOCK)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                number++;
                AuditEvent event = parse(line.toByteArray(), number);
                if (filter.test(event)) {
                    events.add(event);
                }
                line.reset();
            }
        }
        catch (NoSuchFileException e) {
            return List.of();
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return events;
    }

    private AuditEvent parse(final byte[] json, final long lineNumber) {
        try {
            return READER.readValue(json);
        }
        catch (IOException e) {
            String where = lineNumber > 0 ? ":" + lineNumber : " (last line)";
            throw new BadInputException(file + where + ": corrupt audit entry: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Returns the length of the file up to and including its last newline. */
    private static long completeEnd(final FileChannel channel) throws IOException {
        long size = channel.size();
        return size == 0 ? 0 : lastNewlineBefore(channel, size) + 1;
    }

    /** Returns the position of the last newline before {@code end}, or -1 when there is none. */
    private static long lastNewlineBefore(final FileChannel channel, final long end) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long blockEnd = end;
        while (blockEnd > 0) {
            long blockStart = Math.max(0, blockEnd - BLOCK);
            block.clear().limit(Math.toIntExact(blockEnd - blockStart));
            while (block.hasRemaining() && channel.read(block, blockStart + block.position()) >= 0) {
                // read until full
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return blockStart + i;
                }
            }
            blockEnd = blockStart;
        }
        return -1;
    }
}
