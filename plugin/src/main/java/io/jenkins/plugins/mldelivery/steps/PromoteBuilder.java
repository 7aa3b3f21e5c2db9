package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
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
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step of {@code mlPromote}: the same arguments, the same operation.
 */
public final class PromoteBuilder extends Builder implements SimpleBuildStep {
    private final String model;
    private final String alias;
    private Integer version;
    private boolean force;

    /**
     * Creates the build step.
     *
     * @param model the registered model's name
     * @param alias the alias to move
     */
    @DataBoundConstructor
    public PromoteBuilder(final String model, final String alias) {
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
    public void perform(@NonNull final Run<?, ?> run, @NonNull final FilePath workspace, @NonNull final EnvVars env,
            @NonNull final Launcher launcher, @NonNull final TaskListener listener)
            throws InterruptedException, IOException {
        PromoteOperation.run(BuildContext.freestyle(run, workspace, env, launcher, listener), settings());
    }

    /** Declares the build step; its form and help are those of {@link PromoteStep}. */
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        /** Points the help of every field at the Pipeline step's help. */
        public DescriptorImpl() {
            for (String field : new String[] {null, "model", "alias", "version", "force"}) {
                addHelpFileRedirect(field, PromoteStep.class, field);
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
            return "ML Delivery: promote a model";
        }

        @Override
        public Builder newInstance(@Nullable final StaplerRequest2 req, @NonNull final JSONObject formData)
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
