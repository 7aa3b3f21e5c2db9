package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step of {@code mlTrain}: the same arguments, the same operation.
 */
public final class TrainBuilder extends StepBuilder<TrainStep> {
    /**
     * Creates the build step.
     *
     * @param step the arguments, as the Pipeline step takes them
     */
    @DataBoundConstructor
    public TrainBuilder(final TrainStep step) {
        super(step);
    }

    @Override
    protected void run(final BuildContext context) throws IOException, InterruptedException {
        TrainOperation.run(context, getStep().settings());
    }

    /** Declares the build step; its form, checks and help are those of {@link TrainStep}. */
    @Extension
    public static final class DescriptorImpl extends StepBuilder.StepBuilderDescriptor {
        /** Declares the build step of {@link TrainStep}. */
        public DescriptorImpl() {
            super(TrainStep.DescriptorImpl.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML Delivery: train a model";
        }
    }
}
