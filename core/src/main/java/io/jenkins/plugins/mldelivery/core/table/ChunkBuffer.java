package io.jenkins.plugins.mldelivery.core.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A window of a file's bytes on the heap, read with positional reads (so several chunks can read
 * one channel at once) and slid forward or grown when a record runs past its end. Heap buffers
 * rather than a memory map keep the resident memory flat however large the file.
 */
final class ChunkBuffer {
    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private byte[] bytes;
    private long filePosition;
    private int length;

    ChunkBuffer(final Path file, final FileChannel channel, final long fileSize, final byte[] initial) {
        this.file = file;
        this.channel = channel;
        this.fileSize = fileSize;
        this.bytes = initial;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Returns the file offset of {@code bytes()[0]}. */
    long filePosition() {
        return filePosition;
    }

    boolean reachesEndOfFile() {
        return filePosition + length >= fileSize;
    }

    /**
     * Fills the buffer with the file's bytes from {@code position} on, as many as fit or {@code wanted}.
     *
     * @param position the file offset to start at
     * @param wanted   how many bytes are wanted
     */
    void load(final long position, final int wanted) {
        int size = (int) Math.min(wanted, fileSize - position);
        if (bytes.length < size) {
            bytes = new byte[size];
        }
        filePosition = position;
        length = 0;
        fill(size);
    }

    /**
     * Keeps the bytes from buffer index {@code keepFrom} on, moves them to the front and reads more
     * after them, growing the buffer if it holds little but what is kept.
     *
     * @param keepFrom the buffer index of the first byte to keep
     * @param more     how many more bytes to read at least (fewer at the end of the file)
     * @return how far the kept bytes moved towards the front
     */
    int slide(final int keepFrom, final int more) {
        int kept = length - keepFrom;
        int wanted = (int) Math.min((long) kept + more, fileSize - (filePosition + keepFrom));
        if (bytes.length < wanted) {
            byte[] bigger = new byte[Math.max(wanted, bytes.length + bytes.length / 2)];
            System.arraycopy(bytes, keepFrom, bigger, 0, kept);
            bytes = bigger;
        }
        else {
            System.arraycopy(bytes, keepFrom, bytes, 0, kept);
        }
        filePosition += keepFrom;
        length = kept;
        fill(wanted);
        return keepFrom;
    }

    private void fill(final int target) {
        ByteBuffer view = ByteBuffer.wrap(bytes, length, target - length);
        try {
            while (view.hasRemaining()) {
                int n = channel.read(view, filePosition + view.position());
                if (n < 0) {
                    throw new UncheckedIOException(file + ": the file became shorter while it was read",
                            new IOException("unexpected end of file"));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        length = target;
    }

    /**
     * Finds the first line feed at or after a buffer index, reading further if needed.
     *
     * @param from the buffer index to start at
     * @return the buffer index of the line feed, or -1 when the file ends first
     */
    int findLineFeed(final int from) {
        int p = from;
        while (true) {
            for (; p < length; p++) {
                if (bytes[p] == '\n') {
                    return p;
                }
            }
            if (reachesEndOfFile()) {
                return -1;
            }
            int shift = slide(p, Math.max(1 << 16, bytes.length / 2));
            p -= shift;
        }
    }

    byte[] release() {
        byte[] released = bytes;
        bytes = new byte[0];
        return released;
    }
}
