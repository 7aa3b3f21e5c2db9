package io.jenkins.plugins.mldelivery.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;

/**
 * Writes files so that a reader, or a process that crashes mid-write, never sees half of one:
 * the content goes to a temporary file in the same directory, is forced to disk, and is renamed
 * over the target in one atomic step.
 */
public final class AtomicFiles {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
        // static entry points only
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface ContentWriter {
        /**
         * Writes the content.
         *
         * @param out the stream to write to; do not close it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Atomically replaces {@code target} with the content the writer produces. Missing parent
     * directories are created. On any failure the target is left as it was and the temporary file
     * is removed.
     *
     * @param target the file to write
     * @param writer produces the content
     * @throws BadInputException if the directory cannot be written
     */
    public static void write(final Path target, final ContentWriter writer) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = directory.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            // Created without explicit attributes so the umask applies, as for any file the user writes
            // (Files.createTempFile would make it owner-only).
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                BufferedOutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE) {
                    @Override
                    public void close() throws IOException {
                        flush(); // writers such as Jackson close what they are given; the channel must stay open to be forced
                    }
                };
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(absolute, temp);
            move(temp, absolute);
            temp = null;
            forceDirectory(directory);
        }
        catch (AccessDeniedException e) {
            throw new BadInputException(target + ": cannot write here (permission denied on " + e.getFile() + ")", e);
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(target + ": cannot write here (" + e.getFile() + " does not exist)", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        }
        finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                }
                catch (IOException ignored) {
                    // the original error matters more than a leftover temporary file
                }
            }
        }
    }

    /**
     * Atomically replaces {@code target} with the given bytes.
     *
     * @param target  the file to write
     * @param content the bytes
     */
    public static void write(final Path target, final byte[] content) {
        write(target, out -> out.write(content));
    }

    /** A replaced file keeps its permissions (an executable stays executable, a private file private). */
    private static void keepPermissions(final Path target, final Path temp) throws IOException {
        if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    private static void move(final Path source, final Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every file system lets a directory be opened, so this is best effort. */
    private static void forceDirectory(final Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException | UnsupportedOperationException ignored) {
            // Windows and some network file systems refuse to open directories
        }
    }
}
