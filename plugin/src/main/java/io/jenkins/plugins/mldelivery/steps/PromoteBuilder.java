package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step of {@code mlPromote}: the same arguments, the same operation.
 */
public final class PromoteBuilder extends StepBuilder<PromoteStep> {
    /**
     * Creates the build step.
     *
     * @param step the arguments, as the Pipeline step takes them
     */
    @DataBoundConstructor
    public PromoteBuilder(final PromoteStep step) {
        super(step);
    }

    @Override
    protected void run(final BuildContext context) throws IOException, InterruptedException {
        PromoteOperation.run(context, getStep().settings());
    }

    /** Declares the build step; its form, checks and help are those of {@link PromoteStep}. */
    @Extension
    public static final class DescriptorImpl extends StepBuilder.StepBuilderDescriptor {
        /** Declares the build step of {@link PromoteStep}. */
        public DescriptorImpl() {
            super(PromoteStep.DescriptorImpl.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML Delivery: promote a model";
        }
    }
}
