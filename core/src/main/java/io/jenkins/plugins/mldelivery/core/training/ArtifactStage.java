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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An artifacts directory being filled: files go to a hidden staging directory beside the target,
 * and {@link #commit()} renames it into place, so the target holds either the previous complete
 * set or the new complete set, never part of one. Closing without committing removes the staging.
 * A run killed outright (SIGKILL) cannot remove its staging: the hidden directories are named with
 * the process that made them ({@code .artifacts.staging-PID-UUID}), and the next stage of the same
 * target removes those whose process has ended, or puts back the previous set a run killed between
 * its two renames had moved aside. Model patterns never match inside them ({@link #isStageDirectory}).
 */
public final class ArtifactStage implements AutoCloseable {
    private static final Pattern STAGE_DIRECTORY = Pattern.compile(
            "\\..+\\.(staging|previous)-(?:(\\d+)-)?\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private final Path target;
    private final Path staging;
    private final List<String> cleaned;
    private final List<Artifact> staged = new ArrayList<>();
    private boolean committed;

    private ArtifactStage(final Path target, final Path staging, final List<String> cleaned) {
        this.target = target;
        this.staging = staging;
        this.cleaned = List.copyOf(cleaned);
    }

    /**
     * Says whether a directory name is one of a stage's hidden directories, whose files are never a model.
     *
     * @param name a directory's name
     * @return whether it is {@code .NAME.staging-…} or {@code .NAME.previous-…} as a stage names them
     */
    public static boolean isStageDirectory(final String name) {
        return STAGE_DIRECTORY.matcher(name).matches();
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
            List<String> cleaned = cleanUpAfterKilledRuns(absolute);
            // createTempDirectory would make it private (0700); the published directory should get the usual permissions
            Path staging = parent.resolve("." + absolute.getFileName() + ".staging-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
            return new ArtifactStage(absolute, Files.createDirectory(staging), cleaned);
        }
        catch (IOException e) {
            throw new BadInputException(target + ": cannot create the artifacts directory here (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Removes the hidden directories of earlier runs of this target whose process has ended (a SIGKILL
     * during the copy leaves them), and puts the previous set back if a run was killed after moving it
     * aside but before renaming its stage into place. A directory without a process in its name comes
     * from a version that did not record one, and is taken as ended.
     */
    private static List<String> cleanUpAfterKilledRuns(final Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path sibling : siblings.sorted().toList()) {
                String name = sibling.getFileName().toString();
                Matcher matcher = STAGE_DIRECTORY.matcher(name);
                if (name.startsWith(prefix) && matcher.matches() && Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS)
                        && !ownerRuns(matcher.group(2))) {
                    stale.add(sibling);
                }
            }
        }
        List<String> cleaned = new ArrayList<>();
        for (Path directory : stale) {
            String name = directory.getFileName().toString();
            if (name.startsWith(prefix + "previous-") && !Files.exists(target)) {
                move(directory, target);
                cleaned.add("put back " + target.getFileName() + " from " + name + ", where a run killed while publishing had moved it");
            }
            else {
                long files;
                try (Stream<Path> walk = Files.walk(directory)) {
                    files = walk.filter(Files::isRegularFile).count();
                }
                deleteTree(directory);
                cleaned.add("removed " + name + ", left by an interrupted run (" + files + (files == 1 ? " file)" : " files)"));
            }
        }
        return cleaned;
    }

    private static boolean ownerRuns(final String pid) {
        return pid != null && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Returns what was cleaned up after earlier runs when the stage was opened, one line each.
     *
     * @return the lines, empty when nothing was left behind
     */
    public List<String> cleaned() {
        return cleaned;
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
                previous = target.getParent().resolve("." + target.getFileName() + ".previous-" + ProcessHandle.current().pid()
                        + "-" + UUID.randomUUID());
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
