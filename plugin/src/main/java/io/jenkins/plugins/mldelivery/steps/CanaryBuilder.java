package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Descriptor.FormException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step of {@code mlCanary}: the same arguments, the same moves. A freestyle
 * build does not survive a controller restart, so the rollout simply waits in the build's thread;
 * stopping the build rolls the candidate back.
 */
public final class CanaryBuilder extends Builder implements SimpleBuildStep {
    private final String model;
    private final String analysis;
    private List<Integer> steps = List.of();
    private String buildResult = StepOutcome.BUILD_RESULTS.get(0);

    /**
     * Creates the build step.
     *
     * @param model    the registered model's name
     * @param analysis the analysis file, relative to the workspace
     */
    @DataBoundConstructor
    public CanaryBuilder(final String model, final String analysis) {
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
     * @param buildResult FAILURE, UNSTABLE or SUCCESS
     */
    @DataBoundSetter
    public void setBuildResult(final String buildResult) {
        this.buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    @Override
    public void perform(@NonNull final Run<?, ?> run, @NonNull final FilePath workspace, @NonNull final EnvVars env,
            @NonNull final Launcher launcher, @NonNull final TaskListener listener)
            throws InterruptedException, IOException {
        CanaryOperation.runBlocking(BuildContext.freestyle(run, workspace, env, launcher, listener),
                new CanarySettings(model, analysis, steps, buildResult));
    }

    /** Declares the build step; its form and help are those of {@link CanaryStep}. */
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        /** Points the help of every field at the Pipeline step's help. */
        public DescriptorImpl() {
            for (String field : new String[] {null, "model", "analysis", "steps", "buildResult"}) {
                addHelpFileRedirect(field, CanaryStep.class, field);
            }
        }

        @Override
        @SuppressWarnings("rawtypes") // the signature of the extension point
        public boolean isApplicable(final Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML Delivery: roll a model out behind a canary";
        }

        @Override
        public Builder newInstance(@Nullable final StaplerRequest2 req, @NonNull final JSONObject formData)
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
