package io.jenkins.plugins.mldelivery.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import jenkins.util.BuildListenerAdapter;
import jenkins.util.VirtualFile;

/**
 * Archives files of the workspace through the build's artifact manager, so that profiles and models
 * are kept wherever the installation keeps artifacts (the controller, or S3 with the artifact
 * manager plugin) and read back through {@code Run.getArtifactManager().root()}.
 */
final class Artifacts {
    /** The folder of the workspace where the steps write the files they archive. */
    static final String WORK_DIRECTORY = ".ml-delivery";
    private static final Logger LOGGER = Logger.getLogger(Artifacts.class.getName());

    private Artifacts() {
        // static functions only
    }

    /**
     * Archives the files that exist among the given ones.
     *
     * @param context   the build
     * @param workspace the workspace
     * @param launcher  the build's launcher
     * @param files     artifact path to workspace-relative path, both {@code /}-separated
     * @return the files archived
     * @throws IOException          if copying failed
     * @throws InterruptedException if interrupted
     */
    static Map<String, String> archive(final BuildContext context, final FilePath workspace, final Launcher launcher,
            final Map<String, String> files) throws IOException, InterruptedException {
        Map<String, String> existing = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (workspace.child(file.getValue()).exists()) {
                existing.put(file.getKey(), file.getValue());
            }
        }
        if (!existing.isEmpty()) {
            context.run().pickArtifactManager().archive(workspace, launcher,
                    BuildListenerAdapter.wrap(context.listener()), existing);
        }
        return existing;
    }

    /**
     * Copies archived artifacts of a build into a directory of the controller, under their own paths,
     * through the build's artifact manager (so it works with the S3 artifact manager too).
     *
     * @param run    the build
     * @param paths  the artifact paths, {@code /}-separated, relative
     * @param target the directory
     * @throws AbortException       if an artifact was not archived or its path is not relative
     * @throws IOException          if copying failed
     * @throws InterruptedException if interrupted
     */
    static void copyArchived(final Run<?, ?> run, final List<String> paths, final Path target)
            throws IOException, InterruptedException {
        VirtualFile root = run.getArtifactManager().root();
        for (String path : paths) {
            VirtualFile file = root.child(path);
            if (!isInsideWorkspace(path) || !file.exists()) {
                throw new AbortException("The artifact " + path + " of " + run.getFullDisplayName() + " was not archived");
            }
            Path copy = target.resolve(path).normalize();
            Path parent = copy.getParent();
            if (parent != null) { // a relative path resolved against a directory always has one
                Files.createDirectories(parent);
            }
            try (InputStream in = file.open()) {
                Files.copy(in, copy);
            }
        }
    }

    /**
     * Deletes a directory and everything below it, quietly: a leftover temporary copy must not hide
     * the step's outcome.
     *
     * @param directory the directory
     */
    static void deleteQuietly(final Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(Artifacts::deleteIfPossible);
        }
        catch (IOException | UncheckedIOException e) {
            LOGGER.log(Level.FINE, "Cannot list " + directory + " to delete it", e);
        }
    }

    private static void deleteIfPossible(final Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // nothing more to do: the operating system's temporary directory is cleaned eventually
            LOGGER.log(Level.FINE, "Cannot delete " + file, e);
        }
    }

    /**
     * Tells whether a path reported by the engine can be archived under its own name: relative,
     * inside the workspace.
     *
     * @param path a {@code /}- or {@code \}-separated path
     * @return {@code true} if it is relative and does not climb out with {@code ..}
     */
    static boolean isInsideWorkspace(final String path) {
        String normalised = path.replace('\\', '/');
        if (normalised.isEmpty() || normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : normalised.split("/")) {
            if ("..".equals(part)) {
                return false;
            }
        }
        return true;
    }
}
