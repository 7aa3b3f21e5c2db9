package io.jenkins.plugins.mldelivery.core.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must be undone when this JVM is told to stop while a training runs (SIGTERM, which a CI
 * system sends when a build is aborted, or Ctrl-C): the training command and every process it
 * started are killed, then the params file it read is put back. One shutdown hook runs the actions
 * newest first, so a command is killed before the file it reads is restored; an action is removed
 * once the training has undone it itself. SIGKILL runs nothing at all, which is why the params file
 * also has a backup on disk ({@link ParamsBackup}).
 */
final class TerminationCleanup {
    private static final Map<Object, Runnable> ACTIONS = new LinkedHashMap<>();
    private static boolean hooked;
    private static volatile boolean stopping;

    private TerminationCleanup() {
        // static registry only
    }

    /** Removes a registered action: the training has undone what it guards against. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs an action if the JVM is stopped before the returned registration is closed.
     *
     * @param action what to undo, quickly and without throwing
     * @return closes to remove the action
     */
    static synchronized Registration register(final Runnable action) {
        Object key = new Object();
        if (!hooked) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(TerminationCleanup::runAll, "ml-delivery-termination-cleanup"));
                hooked = true;
            }
            catch (IllegalStateException e) {
                return () -> { }; // the JVM is already stopping: nothing new is started after this
            }
        }
        ACTIONS.put(key, action);
        return () -> remove(key);
    }

    private static synchronized void remove(final Object key) {
        ACTIONS.remove(key);
    }

    /**
     * Says whether this JVM is stopping (its shutdown hook has started), so that a command that ended
     * because it was killed is reported as stopped rather than as failing on its own.
     *
     * @return whether the JVM was told to stop
     */
    static boolean stopping() {
        return stopping;
    }

    private static void runAll() {
        stopping = true;
        List<Runnable> newestFirst;
        synchronized (TerminationCleanup.class) {
            newestFirst = new ArrayList<>(ACTIONS.values());
            ACTIONS.clear();
        }
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            try {
                newestFirst.get(i).run();
            }
            catch (RuntimeException e) {
                System.err.println("ml-delivery: while stopping: " + e.getMessage());
            }
        }
    }
}
