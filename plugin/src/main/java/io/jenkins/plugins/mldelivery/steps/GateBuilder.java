package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step of {@code mlGate}: the same arguments, the same operation.
 */
public final class GateBuilder extends StepBuilder<GateStep> {
    /**
     * Creates the build step.
     *
     * @param step the arguments, as the Pipeline step takes them
     */
    @DataBoundConstructor
    public GateBuilder(final GateStep step) {
        super(step);
    }

    @Override
    protected void run(final BuildContext context) throws IOException, InterruptedException {
        GateOperation.run(context, getStep().settings());
    }

    /** Declares the build step; its form, checks and help are those of {@link GateStep}. */
    @Extension
    public static final class DescriptorImpl extends StepBuilder.StepBuilderDescriptor {
        /** Declares the build step of {@link GateStep}. */
        public DescriptorImpl() {
            super(GateStep.DescriptorImpl.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML Delivery: gate a model";
        }
    }
}
