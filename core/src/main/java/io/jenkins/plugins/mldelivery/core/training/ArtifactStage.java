package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An artifacts directory being filled: files go to a hidden staging directory beside the target,
 * and {@link #commit()} renames it into place, so the target holds either the previous complete
 * set or the new complete set, never part of one. Closing without committing removes the staging.
 */
public final class ArtifactStage implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final List<Artifact> staged = new ArrayList<>();
    private boolean committed;

    private ArtifactStage(final Path target, final Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Starts filling an artifacts directory.
     *
     * @param target the artifacts directory; it is replaced as a whole on commit
     * @return the stage
     * @throws BadInputException if the target exists and is not a directory, or its parent cannot be written
     */
    public static ArtifactStage open(final Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new BadInputException(target + ": exists and is not a directory; expected an artifacts directory");
        }
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            // createTempDirectory would make it private (0700); the published directory should get the usual permissions
            Path staging = parent.resolve("." + absolute.getFileName() + ".staging-" + UUID.randomUUID());
            return new ArtifactStage(absolute, Files.createDirectory(staging));
        }
        catch (IOException e) {
            throw new BadInputException(target + ": cannot create the artifacts directory here (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Copies a file into the stage and checks that what was copied is what was digested before.
     *
     * @param source   the file
     * @param expected its identity (relative path, size, SHA-256) as recorded earlier
     * @throws IllegalStateException if the file changed since it was digested
     */
    public void copy(final Path source, final Artifact expected) {
        Path destination = staging.resolve(expected.path());
        try {
            Files.createDirectories(destination.getParent());
            FileDigest copied;
            try (InputStream in = Files.newInputStream(source);
                 FileChannel channel = FileChannel.open(destination, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                copied = FileDigest.of(new TeeInputStream(in, out));
                out.flush();
                channel.force(true); // the rename in commit() must not publish files still in the page cache only
            }
            if (!copied.sha256().equals(expected.sha256())) {
                throw new IllegalStateException(source + " changed while it was being archived (sha256 "
                        + expected.sha256() + " when matched, " + copied.sha256() + " when copied)");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + destination + ": " + e.getMessage(), e);
        }
        staged.add(expected);
    }

    /**
     * Writes a new file into the stage (e.g. a data profile) and records its identity.
     *
     * @param relativePath where in the artifacts directory, with {@code /} separators
     * @param writer       produces the content
     * @return the written file's identity
     */
    public Artifact write(final String relativePath, final AtomicFiles.ContentWriter writer) {
        Path destination = staging.resolve(relativePath);
        AtomicFiles.write(destination, writer);
        FileDigest digest = FileDigest.of(destination);
        Artifact artifact = new Artifact(relativePath, digest.bytes(), digest.sha256());
        staged.add(artifact);
        return artifact;
    }

    /**
     * Returns what has been staged so far.
     *
     * @return the staged files' identities, in the order they were staged
     */
    public List<Artifact> staged() {
        return List.copyOf(staged);
    }

    /**
     * Replaces the artifacts directory with the staged files.
     *
     * @return the artifacts directory
     */
    public Path commit() {
        try {
            Path previous = null;
            if (Files.exists(target)) {
                previous = target.getParent().resolve("." + target.getFileName() + ".previous-" + UUID.randomUUID());
                move(target, previous);
            }
            move(staging, target);
            committed = true;
            if (previous != null) {
                deleteTree(previous);
            }
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot move the artifacts into " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static void move(final Path from, final Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(final Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    /** Copies what is read to an output stream, so a file is digested and copied in one pass. */
    private static final class TeeInputStream extends java.io.FilterInputStream {
        private final OutputStream copy;

        TeeInputStream(final InputStream in, final OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(final byte[] buffer, final int offset, final int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }
    }
}
