package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import java.io.IOException;
import java.util.Objects;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * A freestyle build step that holds the Pipeline step of the same name and runs its operation, so
 * that every parameter is declared, checked and documented once, in the Pipeline step: the build
 * step's form is the step's form, bound and checked by the step's descriptor.
 *
 * @param <S> the Pipeline step
 */
public abstract class StepBuilder<S extends Step> extends Builder implements SimpleBuildStep {
    private final S step;

    /**
     * Creates the build step.
     *
     * @param step the Pipeline step with the arguments
     */
    protected StepBuilder(final S step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    /**
     * Returns the Pipeline step with the arguments (the form shows it; the configuration stores it).
     *
     * @return the step
     */
    public final S getStep() {
        return step;
    }

    @Override
    public final void perform(@NonNull final Run<?, ?> run, @NonNull final FilePath workspace, @NonNull final EnvVars env,
            @NonNull final Launcher launcher, @NonNull final TaskListener listener)
            throws InterruptedException, IOException {
        run(BuildContext.freestyle(run, workspace, env, launcher, listener));
    }

    /**
     * Runs the step's operation in a freestyle build.
     *
     * @param context the build
     * @throws IOException          if the operation failed the build
     * @throws InterruptedException if the build was stopped
     */
    protected abstract void run(BuildContext context) throws IOException, InterruptedException;

    /**
     * Declares a build step made of a Pipeline step: its form shows the step as a nested property
     * ({@code f:property} with the step's descriptor), so the step's descriptor binds the submitted
     * fields (its {@code newInstance} splits the text areas into lists) and answers the field checks,
     * the list boxes and the help.
     */
    public abstract static class StepBuilderDescriptor extends BuildStepDescriptor<Builder> {
        private final Class<? extends StepDescriptor> stepDescriptorType;

        /**
         * Declares the build step.
         *
         * @param stepDescriptorType the class of the Pipeline step's descriptor
         */
        protected StepBuilderDescriptor(final Class<? extends StepDescriptor> stepDescriptorType) {
            this.stepDescriptorType = stepDescriptorType;
        }

        /**
         * Returns the Pipeline step's descriptor, whose form, checks, list boxes and help the build step uses.
         *
         * @return the step's descriptor
         */
        public StepDescriptor getStepDescriptor() {
            return ExtensionList.lookupSingleton(stepDescriptorType);
        }

        /**
         * Returns the help of the Pipeline step: the build step's own ({@code null}) and its fields'.
         *
         * @param fieldName the field, or {@code null} for the build step
         * @return the step's help file, or {@code null} when it has none
         */
        @Override
        public String getHelpFile(final String fieldName) {
            return getStepDescriptor().getHelpFile(fieldName);
        }

        @Override
        @SuppressWarnings("rawtypes") // the signature of the extension point
        public boolean isApplicable(final Class<? extends AbstractProject> jobType) {
            return true;
        }
    }
}
