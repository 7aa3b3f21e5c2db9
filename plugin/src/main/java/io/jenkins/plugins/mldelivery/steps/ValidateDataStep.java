package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serial;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlValidateData}: checks a batch of data against a schema and its drift against a reference,
 * on the agent, and returns the {@code validate} result as a map.
 * <pre>
 * def v = mlValidateData data: 'data/batch.csv', reference: 'data/train.csv', schema: 'schema.json'
 * </pre>
 */
public final class ValidateDataStep extends Step {
    private final String data;
    private String reference;
    private String schema;
    private String driftPolicy;
    private String buildResult = StepOutcome.BUILD_RESULTS.get(0);

    /**
     * Creates the step.
     *
     * @param data the CSV file to validate, relative to the workspace
     */
    @DataBoundConstructor
    public ValidateDataStep(final String data) {
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
     * Sets the reference data set (CSV) or profile (JSON) that drift is measured against.
     *
     * @param reference the file, relative to the workspace; blank for no drift check
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
     * Sets the schema (JSON) the batch must satisfy.
     *
     * @param schema the file, relative to the workspace; blank for no schema check
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
     * @param buildResult FAILURE (stop here), UNSTABLE (mark and go on) or SUCCESS (only record)
     */
    @DataBoundSetter
    public void setBuildResult(final String buildResult) {
        this.buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    ValidateSettings settings() {
        return new ValidateSettings(data, reference, schema, driftPolicy, buildResult);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, settings());
    }

    /** Runs the validation off the Pipeline's thread; a restart in the middle fails the step. */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final ValidateSettings settings;

        Execution(final StepContext context, final ValidateSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return ValidateDataOperation.run(BuildContext.of(getContext()), settings);
        }
    }

    /** Declares {@code mlValidateData}. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return ValidateDataOperation.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Validate ML data: schema, constraints and drift";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return BuildContext.WORKSPACE_CONTEXT;
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
