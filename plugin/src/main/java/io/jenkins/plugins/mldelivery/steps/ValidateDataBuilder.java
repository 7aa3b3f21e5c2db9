package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step of {@code mlValidateData}: the same arguments, the same operation.
 */
public final class ValidateDataBuilder extends Builder implements SimpleBuildStep {
    private final String data;
    private String reference;
    private String schema;
    private String driftPolicy;
    private String buildResult = StepOutcome.BUILD_RESULTS.get(0);

    /**
     * Creates the build step.
     *
     * @param data the CSV file to validate, relative to the workspace
     */
    @DataBoundConstructor
    public ValidateDataBuilder(final String data) {
        this.data = StepForms.requireArgument(data, ValidateDataOperation.FUNCTION, "data: the file to validate");
    }

    public String getData() {
        return data;
    }

    @CheckForNull
    public String getReference() {
        return reference;
    }

    /**
     * Sets the reference data set or profile.
     *
     * @param reference the file; blank for no drift check
     */
    @DataBoundSetter
    public void setReference(final String reference) {
        this.reference = Util.fixEmptyAndTrim(reference);
    }

    @CheckForNull
    public String getSchema() {
        return schema;
    }

    /**
     * Sets the schema.
     *
     * @param schema the file; blank for no schema check
     */
    @DataBoundSetter
    public void setSchema(final String schema) {
        this.schema = Util.fixEmptyAndTrim(schema);
    }

    @CheckForNull
    public String getDriftPolicy() {
        return driftPolicy;
    }

    /**
     * Sets the drift policy (YAML or JSON): thresholds, correction, critical and ignored columns.
     *
     * @param driftPolicy the file, relative to the workspace; blank for the default policy
     */
    @DataBoundSetter
    public void setDriftPolicy(final String driftPolicy) {
        this.driftPolicy = Util.fixEmptyAndTrim(driftPolicy);
    }

    public String getBuildResult() {
        return buildResult;
    }

    /**
     * Sets the build result when the data fails its checks.
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
        ValidateDataOperation.run(BuildContext.freestyle(run, workspace, env, launcher, listener),
                new ValidateSettings(data, reference, schema, driftPolicy, buildResult));
    }

    /** Declares the build step; its form and help are those of {@link ValidateDataStep}. */
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        /** Points the help of every field at the Pipeline step's help. */
        public DescriptorImpl() {
            for (String field : new String[] {null, "data", "reference", "schema", "driftPolicy", "buildResult"}) {
                addHelpFileRedirect(field, ValidateDataStep.class, field);
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
            return "ML Delivery: validate data (schema, constraints, drift)";
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
         * Checks the data file.
         *
         * @param item  the job
         * @param value the file
         * @return an error if blank
         */
        @POST
        public FormValidation doCheckData(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.required(item, value, "The data file");
        }
    }
}
