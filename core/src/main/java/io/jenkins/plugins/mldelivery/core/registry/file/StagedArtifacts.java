package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.registry.ModelArtifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Model files copied into the registry's staging area before the lock is taken (copying a large
 * model must not block other promotions), checked against the SHA-256 the train result recorded,
 * then moved into their version's directory in one rename.
 */
final class StagedArtifacts implements AutoCloseable {
    private final Path directory;
    private final List<ModelArtifact> artifacts;

    private StagedArtifacts(final Path directory, final List<ModelArtifact> artifacts) {
        this.directory = directory;
        this.artifacts = artifacts;
    }

    /** Copies the files; a missing file or a changed one is the user's to fix. */
    static StagedArtifacts copy(final Path registryRoot, final Path sourceRoot, final List<ModelArtifact> files) {
        Path staging = registryRoot.resolve(".staging").resolve(UUID.randomUUID().toString());
        List<ModelArtifact> copied = new ArrayList<>();
        try {
            for (ModelArtifact artifact : files) {
                Path from = sourceRoot.resolve(artifact.path());
                Path to = staging.resolve(artifact.path());
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                FileDigest digest = FileDigest.of(to);
                if (!digest.sha256().equals(artifact.sha256())) {
                    throw new BadInputException(from + ": SHA-256 is " + digest.sha256() + " but the training recorded "
                            + artifact.sha256() + " (the file changed after training)");
                }
                copied.add(new ModelArtifact(artifact.path(), digest.bytes(), digest.sha256()));
            }
            return new StagedArtifacts(staging, copied);
        }
        catch (NoSuchFileException e) {
            delete(staging);
            throw new BadInputException(e.getFile() + ": no such file (a model artifact to register)", e);
        }
        catch (AccessDeniedException e) {
            delete(staging);
            throw new BadInputException(e.getFile() + ": cannot read or write here (permission denied)", e);
        }
        catch (IOException e) {
            delete(staging);
            throw new UncheckedIOException(e.getMessage(), e);
        }
        catch (RuntimeException e) {
            delete(staging);
            throw e;
        }
    }

    List<ModelArtifact> artifacts() {
        return artifacts;
    }

    /** Moves the files to {@code versionDir/artifacts}, replacing what a crashed attempt left there. */
    Path placeIn(final Path versionDir) {
        Path target = versionDir.resolve("artifacts");
        try {
            delete(versionDir);
            Files.createDirectories(versionDir);
            Files.move(directory, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        }
        return artifacts.size() == 1 ? target.resolve(artifacts.get(0).path()) : target;
    }

    @Override
    public void close() {
        delete(directory);
    }

    static void delete(final Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path dir, final IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(tree + ": cannot delete: " + e.getMessage(), e);
        }
    }
}
