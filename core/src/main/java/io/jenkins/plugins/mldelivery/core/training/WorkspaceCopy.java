package io.jenkins.plugins.mldelivery.core.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * A private copy of the working directory for one sweep trial, so that trials running at the same
 * time do not overwrite each other's params, metrics and model (DVC's {@code exp run --temp} does
 * the same). Version-control metadata is left out; virtual environments and {@code node_modules}
 * are linked, not copied, because trials only read them.
 */
final class WorkspaceCopy {
    private static final Set<String> SKIPPED = Set.of(".git", ".svn", ".hg");
    private static final Set<String> LINKED = Set.of(".venv", "venv", "node_modules");

    private WorkspaceCopy() {
        // static entry point only
    }

    /**
     * Copies {@code source} to {@code target}, which must not exist yet.
     *
     * @param source   the working directory
     * @param target   the trial's directory
     * @param excluded directories not to copy at all (the artifacts directory, the sweep's own temporary root)
     */
    static void copy(final Path source, final Path target, final Set<Path> excluded) {
        Set<Path> skip = new HashSet<>();
        excluded.forEach(dir -> skip.add(dir.toAbsolutePath().normalize()));
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attributes) throws IOException {
                    String name = String.valueOf(dir.getFileName());
                    if (skip.contains(dir.toAbsolutePath().normalize()) || (!dir.equals(source) && SKIPPED.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path copy = target.resolve(source.relativize(dir).toString());
                    if (!dir.equals(source) && LINKED.contains(name)) {
                        Files.createSymbolicLink(copy, dir.toAbsolutePath());
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(copy);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot copy the working directory " + source + " for a trial: " + e.getMessage(), e);
        }
    }
}
