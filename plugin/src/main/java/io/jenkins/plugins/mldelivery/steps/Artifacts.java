package io.jenkins.plugins.mldelivery.steps;

import hudson.FilePath;
import hudson.Launcher;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;

/**
 * Archives files of the workspace through the build's artifact manager, so that profiles and models
 * are kept wherever the installation keeps artifacts (the controller, or S3 with the artifact
 * manager plugin) and read back through {@code Run.getArtifactManager().root()}.
 */
final class Artifacts {
    /** The folder of the workspace where the steps write the files they archive. */
    static final String WORK_DIRECTORY = ".ml-delivery";

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
