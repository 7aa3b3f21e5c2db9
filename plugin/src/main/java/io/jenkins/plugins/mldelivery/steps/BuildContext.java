package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What a step sees of the build it runs in, whether it was called from a Pipeline or as a freestyle
 * build step: the run, the workspace, the environment, the launcher, the log and, in a Pipeline, the
 * step's node (where a warning is shown).
 *
 * @param run       the build
 * @param workspace the workspace, when the step has one
 * @param env       the environment of the step (with {@code withEnv} and friends applied)
 * @param launcher  the contextual launcher (inside {@code docker.image().inside} or
 *                  {@code container()} it launches there)
 * @param listener  the build log
 * @param node      the step's node in a Pipeline, {@code null} in a freestyle build
 */
public record BuildContext(Run<?, ?> run, @CheckForNull FilePath workspace, EnvVars env,
        @CheckForNull Launcher launcher, TaskListener listener, @CheckForNull FlowNode node) {
    /** What a Pipeline step that works in the workspace requires: it must run inside {@code node}. */
    public static final Set<Class<?>> WORKSPACE_CONTEXT = Set.of(Run.class, FilePath.class, EnvVars.class,
            Launcher.class, TaskListener.class);
    /** What a Pipeline step that talks only to the registry requires. */
    public static final Set<Class<?>> CONTROLLER_CONTEXT = Set.of(Run.class, TaskListener.class);

    /** Validates the fields. */
    public BuildContext {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(listener, "listener");
    }

    /**
     * Reads the context of a Pipeline step.
     *
     * @param context the step's context
     * @return the build context
     * @throws IOException          if the context cannot be read (for example after a failed reload)
     * @throws InterruptedException if interrupted
     */
    public static BuildContext of(final StepContext context) throws IOException, InterruptedException {
        EnvVars env = context.get(EnvVars.class);
        return new BuildContext(context.get(Run.class), context.get(FilePath.class),
                env == null ? new EnvVars() : env, context.get(Launcher.class),
                context.get(TaskListener.class), context.get(FlowNode.class));
    }

    /**
     * Returns the context of a freestyle build step.
     *
     * @param run       the build
     * @param workspace the workspace
     * @param env       the build's environment
     * @param launcher  the build's launcher
     * @param listener  the build log
     * @return the build context
     */
    public static BuildContext freestyle(final Run<?, ?> run, final FilePath workspace, final EnvVars env,
            final Launcher launcher, final TaskListener listener) {
        return new BuildContext(run, workspace, env, launcher, listener, null);
    }

    /**
     * Returns the workspace, which the data steps need, created on its agent with the steps' working
     * folder ({@code .ml-delivery}) if they do not exist yet: {@code node {}} allocates a workspace
     * without creating its directory (the first step that writes there creates it, as
     * {@code FilePath.write} does for {@code writeFile}), and the engine refuses a working directory
     * that does not exist. The engine creates the folders it writes to below them.
     *
     * @param function the step's function name, for the message
     * @return the workspace, which exists
     * @throws AbortException       if the step runs outside a {@code node} block
     * @throws IOException          if the directory cannot be created on the agent
     * @throws InterruptedException if interrupted
     */
    public FilePath requireWorkspace(final String function) throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(function + " needs a workspace: call it inside a node block");
        }
        workspace.child(Artifacts.WORK_DIRECTORY).mkdirs(); // and the workspace itself, on its agent
        return workspace;
    }

    /**
     * Returns the launcher, which the steps that run processes or archive need.
     *
     * @param function the step's function name, for the message
     * @return the launcher
     * @throws AbortException if the step runs outside a {@code node} block
     */
    public Launcher requireLauncher(final String function) throws AbortException {
        if (launcher == null) {
            throw new AbortException(function + " needs an agent: call it inside a node block");
        }
        return launcher;
    }

    /**
     * Prints one line to the build log, prefixed with the step's function name.
     *
     * @param function the step's function name
     * @param message  the line
     */
    public void log(final String function, final String message) {
        listener.getLogger().println(function + ": " + message);
    }
}
