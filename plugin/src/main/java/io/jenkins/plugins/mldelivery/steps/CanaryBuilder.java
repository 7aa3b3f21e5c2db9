package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step of {@code mlCanary}: the same arguments, the same moves. A freestyle
 * build does not survive a controller restart, so the rollout simply waits in the build's thread;
 * stopping the build rolls the candidate back.
 */
public final class CanaryBuilder extends StepBuilder<CanaryStep> {
    /**
     * Creates the build step.
     *
     * @param step the arguments, as the Pipeline step takes them
     */
    @DataBoundConstructor
    public CanaryBuilder(final CanaryStep step) {
        super(step);
    }

    @Override
    protected void run(final BuildContext context) throws IOException, InterruptedException {
        CanaryOperation.runBlocking(context, getStep().settings());
    }

    /** Declares the build step; its form, checks and help are those of {@link CanaryStep}. */
    @Extension
    public static final class DescriptorImpl extends StepBuilder.StepBuilderDescriptor {
        /** Declares the build step of {@link CanaryStep}. */
        public DescriptorImpl() {
            super(CanaryStep.DescriptorImpl.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML Delivery: roll a model out behind a canary";
        }
    }
}
