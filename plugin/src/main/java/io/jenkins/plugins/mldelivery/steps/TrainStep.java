package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor.FormException;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlTrain}: runs a training command in the workspace and records its metrics, parameters,
 * lineage and model files, returning the {@code train} result as a map.
 * <pre>
 * def t = mlTrain command: 'python train.py', params: 'params.yaml', metrics: 'metrics.json', model: 'model/**'
 * </pre>
 * A controller restart while the command runs fails the step with a message saying so: the command's
 * output and exit code cannot be recovered.
 */
public final class TrainStep extends Step {
    private final String command;
    private final String metrics;
    private String params;
    private String model;
    private List<String> overrides = List.of();
    private List<String> data = List.of();
    private List<String> env = List.of();
    private String timeout;
    private String mlflowExperiment;
    private String buildResult = StepOutcome.BUILD_RESULTS.get(0);

    /**
     * Creates the step.
     *
     * @param command the training command, run by the shell of the agent
     * @param metrics the metrics file (JSON) the command writes, relative to the workspace
     */
    @DataBoundConstructor
    public TrainStep(final String command, final String metrics) {
        this.command = StepForms.requireArgument(command, TrainOperation.FUNCTION, "command: the training command");
        this.metrics = StepForms.requireArgument(metrics, TrainOperation.FUNCTION,
                "metrics: the metrics file the command writes");
    }

    public String getCommand() {
        return command;
    }

    public String getMetrics() {
        return metrics;
    }

    @CheckForNull
    public String getParams() {
        return params;
    }

    /**
     * Sets the parameters file (YAML, JSON or TOML) the command reads.
     *
     * @param params the file, relative to the workspace
     */
    @DataBoundSetter
    public void setParams(final String params) {
        this.params = Util.fixEmptyAndTrim(params);
    }

    @CheckForNull
    public String getModel() {
        return model;
    }

    /**
     * Sets the model files to record and archive.
     *
     * @param model an Ant-style glob relative to the workspace, e.g. {@code model/**}
     */
    @DataBoundSetter
    public void setModel(final String model) {
        this.model = Util.fixEmptyAndTrim(model);
    }

    public List<String> getData() {
        return data;
    }

    /**
     * Sets the data files the training reads, hashed into the lineage.
     *
     * @param data the files, relative to the workspace
     */
    @DataBoundSetter
    public void setData(final List<String> data) {
        this.data = data == null ? List.of() : List.copyOf(data);
    }

    public List<String> getOverrides() {
        return overrides;
    }

    /**
     * Sets overrides of the parameters, written into the params file while the command runs (as
     * {@code dvc exp run --set-param} does) and put back afterwards.
     *
     * @param overrides e.g. {@code model.max_depth=4} (change), {@code +key=value} (add), {@code ++key=value} (set)
     */
    @DataBoundSetter
    public void setOverrides(final List<String> overrides) {
        this.overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public List<String> getEnv() {
        return env;
    }

    /**
     * Sets variables for the command, over the build's environment.
     *
     * @param env items {@code NAME=VALUE}, as {@code withEnv} takes them
     */
    @DataBoundSetter
    public void setEnv(final List<String> env) {
        List<String> items = env == null ? List.of() : List.copyOf(env);
        TrainSettings.environment(items);
        this.env = items;
    }

    @CheckForNull
    public String getTimeout() {
        return timeout;
    }

    /**
     * Sets how long the command may run before it is killed and the training fails.
     *
     * @param timeout e.g. {@code 90s}, {@code 30m}, {@code 2h}; blank for no limit
     */
    @DataBoundSetter
    public void setTimeout(final String timeout) {
        String value = Util.fixEmptyAndTrim(timeout);
        if (value != null) {
            TrainSettings.timeoutMillis(value);
        }
        this.timeout = value;
    }

    @CheckForNull
    public String getMlflowExperiment() {
        return mlflowExperiment;
    }

    /**
     * Logs the run to this experiment of the MLflow server of the global configuration.
     *
     * @param mlflowExperiment the experiment, created if missing; blank not to log the run
     */
    @DataBoundSetter
    public void setMlflowExperiment(final String mlflowExperiment) {
        this.mlflowExperiment = Util.fixEmptyAndTrim(mlflowExperiment);
    }

    public String getBuildResult() {
        return buildResult;
    }

    /**
     * Sets the build result when the training fails (the command exits with a non-zero code).
     *
     * @param buildResult FAILURE (stop here), UNSTABLE (mark and go on) or SUCCESS (only record)
     */
    @DataBoundSetter
    public void setBuildResult(final String buildResult) {
        this.buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    TrainSettings settings() {
        return new TrainSettings(command, metrics, params, overrides, model, data, env, timeout, mlflowExperiment,
                buildResult);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, settings());
    }

    /** Runs the training off the Pipeline's thread; a restart in the middle fails the step, saying why. */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final TrainSettings settings;

        Execution(final StepContext context, final TrainSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return TrainOperation.run(BuildContext.of(getContext()), settings);
        }

        @Override
        public void onResume() {
            getContext().onFailure(new AbortException(TrainOperation.FUNCTION
                    + " cannot resume after a controller restart: the training command '" + settings.command()
                    + "' was running and its output and exit code are lost (it may still be running on the agent"
                    + " until it ends). Run the build again; to retry automatically, wrap the node block in"
                    + " retry(conditions: [nonresumable()], count: 2) { ... }."));
        }
    }

    /** Declares {@code mlTrain}. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return TrainOperation.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Train an ML model and record its metrics, parameters, lineage and files";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return BuildContext.WORKSPACE_CONTEXT;
        }

        @Override
        public Step newInstance(@Nullable final StaplerRequest2 req, @NonNull final JSONObject formData)
                throws FormException {
            return super.newInstance(req, ListField.splitInForm(ListField.splitInForm(ListField.splitInForm(formData,
                    "data", line -> line), "overrides", line -> line), "env", line -> line));
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
         * Checks the command.
         *
         * @param item  the job
         * @param value the command
         * @return an error if blank
         */
        @POST
        public FormValidation doCheckCommand(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.required(item, value, "The training command");
        }

        /**
         * Checks the metrics file.
         *
         * @param item  the job
         * @param value the file
         * @return an error if blank
         */
        @POST
        public FormValidation doCheckMetrics(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.required(item, value, "The metrics file");
        }

        /**
         * Checks the timeout.
         *
         * @param item  the job
         * @param value the timeout
         * @return an error unless blank or a positive duration
         */
        @POST
        public FormValidation doCheckTimeout(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.duration(item, value);
        }
    }
}
