package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.model.Descriptor.FormException;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.io.Serial;
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
 * {@code mlPromote}: moves a model alias in the registry to the model trained in this build (or to
 * a given version), and returns the {@code promote} result as a map. Needs the ML Delivery/Promote
 * permission on the job.
 * <pre>
 * mlPromote model: 'credit-risk', alias: 'champion'
 * </pre>
 */
public final class PromoteStep extends Step {
    private final String model;
    private final String alias;
    private Integer version;
    private boolean force;

    /**
     * Creates the step.
     *
     * @param model the registered model's name
     * @param alias the alias to move, e.g. {@code champion}
     */
    @DataBoundConstructor
    public PromoteStep(final String model, final String alias) {
        this.model = StepForms.requireArgument(model, PromoteOperation.FUNCTION, "model: the registered model's name");
        this.alias = StepForms.requireArgument(alias, PromoteOperation.FUNCTION, "alias: the alias to move, e.g. champion");
    }

    public String getModel() {
        return model;
    }

    public String getAlias() {
        return alias;
    }

    @CheckForNull
    public Integer getVersion() {
        return version;
    }

    /**
     * Sets an existing version to promote (a rollback, or a version trained elsewhere); without it the
     * model trained earlier in this build is registered as a new version.
     *
     * @param version the version number, or {@code null}
     */
    @DataBoundSetter
    public void setVersion(final Integer version) {
        this.version = version;
    }

    public boolean isForce() {
        return force;
    }

    /**
     * Sets whether to promote even though this build's last gate failed.
     *
     * @param force {@code true} to skip that safety check
     */
    @DataBoundSetter
    public void setForce(final boolean force) {
        this.force = force;
    }

    PromoteSettings settings() {
        return new PromoteSettings(model, alias, version, force);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, settings());
    }

    /** Runs the promotion off the Pipeline's thread; a restart in the middle fails the step. */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final PromoteSettings settings;

        Execution(final StepContext context, final PromoteSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return PromoteOperation.run(BuildContext.of(getContext()), settings);
        }
    }

    /** Declares {@code mlPromote}. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return PromoteOperation.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Promote an ML model: move a registry alias such as champion";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return BuildContext.CONTROLLER_CONTEXT;
        }

        @Override
        public Step newInstance(@Nullable final StaplerRequest2 req, @NonNull final JSONObject formData)
                throws FormException {
            // a blank version field means "the model trained in this build", not version 0
            if (formData.optString("version").isBlank()) {
                formData.remove("version");
            }
            return super.newInstance(req, formData);
        }

        /**
         * Checks the model's name.
         *
         * @param item  the job
         * @param value the name
         * @return an error if blank
         */
        @POST
        public FormValidation doCheckModel(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.required(item, value, "The model's name");
        }

        /**
         * Checks the alias.
         *
         * @param item  the job
         * @param value the alias
         * @return an error if blank
         */
        @POST
        public FormValidation doCheckAlias(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.required(item, value, "The alias");
        }
    }
}
