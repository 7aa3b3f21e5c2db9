package io.jenkins.plugins.mldelivery.agent;

import hudson.AbortException;
import java.io.IOException;

/**
 * Runs engine work on the controller (the registry, the charts) and reports the engine's failures
 * the same way {@link OnAgent} does: one line for bad input or an external system.
 */
public final class OnController {
    private OnController() {
        // static entry point only
    }

    /**
     * Work to run on the controller.
     *
     * @param <T> the type of the answer
     */
    @FunctionalInterface
    public interface ControllerTask<T> {
        /**
         * Runs the work.
         *
         * @return the answer
         * @throws Exception any failure
         */
        T run() throws Exception;
    }

    /**
     * Runs the work.
     *
     * @param task the work
     * @param <T>  the type of the answer
     * @return the answer
     * @throws AbortException       for bad input or a failing external system
     * @throws IOException          for anything unexpected (the cause keeps the stack trace)
     * @throws InterruptedException if the build was interrupted
     */
    public static <T> T call(final ControllerTask<T> task) throws IOException, InterruptedException {
        try {
            return task.run();
        }
        catch (InterruptedException | IOException e) {
            throw e;
        }
        catch (RuntimeException e) {
            if (EngineFailure.of(e).isExpected()) {
                throw new AbortException(e.getMessage());
            }
            throw new IOException("ML Delivery failed on the controller: " + e, e);
        }
        catch (Exception e) {
            throw new IOException("ML Delivery failed on the controller: " + e, e);
        }
    }
}
