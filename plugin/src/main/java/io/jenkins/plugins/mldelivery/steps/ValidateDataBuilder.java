package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step of {@code mlValidateData}: the same arguments, the same operation.
 */
public final class ValidateDataBuilder extends StepBuilder<ValidateDataStep> {
    /**
     * Creates the build step.
     *
     * @param step the arguments, as the Pipeline step takes them
     */
    @DataBoundConstructor
    public ValidateDataBuilder(final ValidateDataStep step) {
        super(step);
    }

    @Override
    protected void run(final BuildContext context) throws IOException, InterruptedException {
        ValidateDataOperation.run(context, getStep().settings());
    }

    /** Declares the build step; its form, checks and help are those of {@link ValidateDataStep}. */
    @Extension
    public static final class DescriptorImpl extends StepBuilder.StepBuilderDescriptor {
        /** Declares the build step of {@link ValidateDataStep}. */
        public DescriptorImpl() {
            super(ValidateDataStep.DescriptorImpl.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML Delivery: validate data (schema, constraints, drift)";
        }
    }
}
