package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Computer;
import hudson.model.Descriptor.FormException;
import hudson.model.Item;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mldelivery.core.seams.CanaryProgress;
import io.jenkins.plugins.mldelivery.core.seams.CanaryRequest;
import io.jenkins.plugins.mldelivery.core.seams.EngineResult;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import java.io.IOException;
import java.io.Serial;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlCanary}: rolls a model out behind a canary, step by step, analysing each step and
 * promoting or rolling back by itself; returns the {@code canary} result as a map.
 * <pre>
 * mlCanary model: 'credit-risk', steps: [5, 25, 50, 100], analysis: 'canary.yaml'
 * </pre>
 * A rollout lasts as long as its analyses, so the step survives a controller restart: like
 * {@code sleep}, it keeps the controller's state and the time of the next move in fields and re-arms
 * its timer in {@link Execution#onResume()}.
 */
public final class CanaryStep extends Step {
    private final String model;
    private final String analysis;
    private List<Integer> steps = List.of();
    private String buildResult = StepOutcome.BUILD_RESULTS.get(0);

    /**
     * Creates the step.
     *
     * @param model    the registered model's name
     * @param analysis the analysis file (traffic router, metric sources, judge), relative to the workspace
     */
    @DataBoundConstructor
    public CanaryStep(final String model, final String analysis) {
        this.model = StepForms.requireArgument(model, CanaryOperation.FUNCTION, "model: the registered model's name");
        this.analysis = StepForms.requireArgument(analysis, CanaryOperation.FUNCTION,
                "analysis: the analysis file, e.g. canary.yaml");
    }

    public String getModel() {
        return model;
    }

    public String getAnalysis() {
        return analysis;
    }

    public List<Integer> getSteps() {
        return steps;
    }

    /**
     * Sets the traffic weights of the rollout's steps, replacing the plan's.
     *
     * @param steps whole percentages, increasing; a step at 100 is the promotion; empty for the plan's steps
     */
    @DataBoundSetter
    public void setSteps(final List<Integer> steps) {
        this.steps = steps == null ? List.of() : StepForms.parseWeights(steps.stream().map(String::valueOf).toList());
    }

    public String getBuildResult() {
        return buildResult;
    }

    /**
     * Sets the build result when the canary rolls back.
     *
     * @param buildResult FAILURE (stop here), UNSTABLE (mark and go on) or SUCCESS (only record)
     */
    @DataBoundSetter
    public void setBuildResult(final String buildResult) {
        this.buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    CanarySettings settings() {
        return new CanarySettings(model, analysis, steps, buildResult);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, settings());
    }

    /**
     * The rollout: each move runs on a pooled thread (never on the Pipeline's thread), and between
     * moves only a timer is pending, so the execution can be saved and resumed at any time.
     */
    static final class Execution extends StepExecution {
        @Serial
        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());
        /** How long to wait before looking again for an agent that is not connected. */
        private static final long AGENT_RETRY_MILLIS = TimeUnit.SECONDS.toMillis(15);
        /** How long a rollout waits for its agent to come back before it fails. */
        private static final long AGENT_PATIENCE_MILLIS = TimeUnit.MINUTES.toMillis(10);

        private final CanarySettings settings;
        // written by the pooled thread of a move, read when the Pipeline saves its program
        private volatile String stem;
        private volatile CanaryRequest request;
        private volatile String state;
        private volatile long nextMoveAt;
        private volatile long agentMissingSince;

        private transient volatile ScheduledFuture<?> timer;
        private transient volatile Future<?> move;
        private transient volatile boolean stopping;

        Execution(final StepContext context, final CanarySettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        public boolean start() {
            schedule(0);
            return false;
        }

        @Override
        public void onResume() {
            long delay = Math.max(0, nextMoveAt - System.currentTimeMillis());
            listener().getLogger().println(CanaryOperation.FUNCTION + ": resuming the rollout of " + settings.model()
                    + " after a controller restart; next move in " + Util.getTimeSpanString(delay));
            schedule(delay);
        }

        private void schedule(final long delayMillis) {
            timer = Timer.get().schedule(() -> {
                move = Computer.threadPoolForRemoting.submit(this::moveOnce);
            }, delayMillis, TimeUnit.MILLISECONDS);
        }

        private void moveOnce() {
            if (stopping) {
                return;
            }
            try {
                BuildContext context;
                try {
                    context = BuildContext.of(getContext());
                }
                catch (IOException e) { // after a restart, the workspace's agent may not be back yet
                    waitForAgent(e);
                    return;
                }
                FilePath workspace = context.workspace();
                if (workspace == null || !isOnline(workspace)) {
                    waitForAgent(null);
                    return;
                }
                if (stem == null) {
                    stem = MlDeliveryRunAction.of(context.run()).nextStem(CanaryOperation.STEP);
                    request = settings.request(context.run(), stem);
                    getContext().saveState();
                    context.log(CanaryOperation.FUNCTION, "rolling out " + settings.model() + " "
                            + settings.describeSteps());
                }
                CanaryProgress progress;
                try {
                    progress = CanaryOperation.move(workspace, request, state);
                }
                catch (AbortException e) {
                    throw e;
                }
                catch (IOException e) {
                    if (!isOnline(workspace)) {
                        waitForAgent(e);
                        return;
                    }
                    throw e;
                }
                agentMissingSince = 0;
                state = progress.stateJson();
                CanaryOperation.log(context, progress);
                EngineResult result = progress.result();
                if (result != null) { // the rollout is finished
                    getContext().onSuccess(CanaryOperation.finish(context, stem, result, settings.buildResult()));
                    return;
                }
                nextMoveAt = System.currentTimeMillis() + progress.waitMillis();
                getContext().saveState();
                context.log(CanaryOperation.FUNCTION, "next analysis in " + Util.getTimeSpanString(progress.waitMillis()));
                schedule(progress.waitMillis());
            }
            catch (Exception | LinkageError e) { // every failure of a move ends the step, unless it is being stopped
                if (!stopping) {
                    getContext().onFailure(e);
                }
            }
        }

        private void waitForAgent(@CheckForNull final IOException cause) {
            long now = System.currentTimeMillis();
            if (agentMissingSince == 0) {
                agentMissingSince = now;
            }
            if (now - agentMissingSince > AGENT_PATIENCE_MILLIS) {
                AbortException failure = new AbortException(CanaryOperation.FUNCTION + ": the agent of the workspace"
                        + " did not come back within " + Util.getTimeSpanString(AGENT_PATIENCE_MILLIS)
                        + "; the rollout of " + settings.model() + " stays where it was");
                if (cause != null) {
                    failure.initCause(cause);
                }
                getContext().onFailure(failure);
                return;
            }
            listener().getLogger().println(CanaryOperation.FUNCTION + ": waiting for the agent of the workspace to reconnect");
            nextMoveAt = now + AGENT_RETRY_MILLIS;
            schedule(AGENT_RETRY_MILLIS);
        }

        private static boolean isOnline(final FilePath workspace) {
            Computer computer = workspace.toComputer();
            return computer != null && !computer.isOffline();
        }

        @Override
        public void stop(@NonNull final Throwable cause) throws Exception {
            stopping = true;
            ScheduledFuture<?> pendingTimer = timer;
            if (pendingTimer != null) {
                pendingTimer.cancel(false);
            }
            Future<?> pendingMove = move;
            if (pendingMove != null) {
                pendingMove.cancel(true);
            }
            Computer.threadPoolForRemoting.execute(() -> rollBack(cause));
        }

        private void rollBack(final Throwable cause) {
            try {
                if (request != null) { // a first move may have shifted traffic before its state reached us
                    BuildContext context = BuildContext.of(getContext());
                    FilePath workspace = context.workspace();
                    if (workspace != null) {
                        context.log(CanaryOperation.FUNCTION, "the build was stopped: rolling " + settings.model() + " back");
                        EngineResult rolledBack = CanaryOperation.abort(workspace, request, state,
                                "the build was stopped: " + cause);
                        MlDeliveryRunAction.of(context.run()).record(stem, CanaryOperation.STEP, rolledBack);
                        context.listener().getLogger().println(rolledBack.summary());
                    }
                }
            }
            catch (IOException | InterruptedException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Cannot roll back the canary of " + settings.model(), e);
                cause.addSuppressed(e);
            }
            finally {
                getContext().onFailure(cause);
            }
        }

        @Override
        public String getStatus() {
            if (state == null) {
                return "starting the rollout of " + settings.model();
            }
            long left = nextMoveAt - System.currentTimeMillis();
            return left > 0 ? "next analysis of " + settings.model() + " in " + Util.getTimeSpanString(left)
                    : "analysing " + settings.model();
        }

        @Override
        public boolean blocksRestart() {
            Future<?> pendingMove = move;
            return pendingMove != null && !pendingMove.isDone();
        }

        private TaskListener listener() {
            try {
                return getContext().get(TaskListener.class);
            }
            catch (IOException | InterruptedException e) {
                LOGGER.log(Level.WARNING, "No log for the canary of " + settings.model(), e);
                return TaskListener.NULL;
            }
        }
    }

    /** Declares {@code mlCanary}. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return CanaryOperation.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Roll an ML model out behind a canary that promotes or rolls back by itself";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return BuildContext.WORKSPACE_CONTEXT;
        }

        @Override
        public Step newInstance(@Nullable final StaplerRequest2 req, @NonNull final JSONObject formData)
                throws FormException {
            try {
                return super.newInstance(req, ListField.splitInForm(formData, "steps", Integer::valueOf));
            }
            catch (NumberFormatException e) {
                throw new FormException("The steps are whole percentages, one per line: " + e.getMessage(), e, "steps");
            }
        }

        /**
         * Shows a list argument in a text area, one item per line.
         *
         * @param items the items
         * @return the text
         */
        public String text(final List<?> items) {
            return ListField.join(items);
        }

        /**
         * Lists the build results to choose from.
         *
         * @param item the job
         * @return FAILURE, UNSTABLE, SUCCESS
         */
        @POST
        public ListBoxModel doFillBuildResultItems(@AncestorInPath final Item item) {
            return StepForms.buildResultItems(item);
        }

        /**
         * Checks the traffic weights.
         *
         * @param item  the job
         * @param value the weights, one per line
         * @return an error naming the first wrong weight
         */
        @POST
        public FormValidation doCheckSteps(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.weights(item, value);
        }

        /**
         * Checks the analysis file.
         *
         * @param item  the job
         * @param value the file
         * @return an error if blank
         */
        @POST
        public FormValidation doCheckAnalysis(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.required(item, value, "The analysis file");
        }
    }
}
