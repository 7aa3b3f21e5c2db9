package io.jenkins.plugins.mldelivery;

import static io.jenkins.plugins.mldelivery.TestJobs.groovy;
import static io.jenkins.plugins.mldelivery.TestJobs.trainingCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeFalse;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Functions;
import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.Proc;
import hudson.model.Node;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Specifies that the steps start their processes through the contextual launcher of the Pipeline, so
 * that a training runs inside {@code docker.image(...).inside {}} or {@code container('x') {}}: a
 * block step of this test decorates the launcher of its body the way docker-workflow's
 * {@code WithContainerStep} and the Kubernetes plugin's {@code container} step do (a
 * {@link LauncherDecorator} merged into the body's context with
 * {@link BodyInvoker#mergeLauncherDecorators}); its decorator, like {@code docker exec}, runs every
 * command it is given inside a wrapper, which writes the command to a log and gives the process an
 * environment variable no other process has. No Docker daemon or cluster is needed.
 */
public class ContextualLauncherTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldStartEveryProcessOfTheStepsThroughTheLauncherOfTheBlockTheyRunIn() throws Exception {
        assumeFalse("the wrapper and the training are POSIX shell commands", Functions.isWindows());
        Path launched = folder.getRoot().toPath().resolve("launched by the container.log");
        String training = "echo \"running in ${ML_CONTAINER:-the agent}\" && " + trainingCommand(0.9, 0.8);
        String scoring = "echo \"scoring in ${ML_CONTAINER:-the agent}\" && printf '{\"accuracy\": 0.88, \"f1\": 0.7}' > score.json";
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  recordingContainer(log: '" + groovy(launched.toString()) + "') {\n"
                + "    def t = mlTrain command: '" + groovy(training) + "', metrics: 'metrics.json'\n"
                + "    sh '" + groovy(scoring) + "'\n"
                + "    def g = mlGate rules: ['accuracy >= 0.85', 'f1 >= 0.5'], metrics: 'score.json'\n"
                + "    echo \"inside: train ${t.status}, gate ${g.status}\"\n"
                + "  }\n"
                + "  mlTrain command: '" + groovy(training) + "', metrics: 'metrics.json'\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        List<String> wrapped = Files.readAllLines(launched, StandardCharsets.UTF_8);
        assertThat(wrapped).as("the training, inside the block, went through the container's launcher once")
                .filteredOn(("sh -c " + training)::equals).hasSize(1);
        assertThat(wrapped).as("so did the sh step that scored (durable-task launches its script.sh)")
                .anySatisfy(line -> assertThat(line).contains("script.sh"));
        assertThat(wrapped).as("and nothing else: mlGate starts no process, the training after the block is not wrapped")
                .hasSize(2);
        j.assertLogContains("running in the test container", run);
        j.assertLogContains("scoring in the test container", run);
        j.assertLogContains("inside: train PASSED, gate PASSED", run);
        j.assertLogContains("running in the agent", run); // after the block: the agent's own launcher
    }

    /**
     * {@code recordingContainer(log: FILE) { … }}: runs its body with a launcher that, like a
     * container's, wraps every process it starts.
     */
    public static final class RecordingContainerStep extends Step {
        private final String log;

        /**
         * Creates the step.
         *
         * @param log the file where the wrapper writes each command it runs, one per line
         */
        @DataBoundConstructor
        public RecordingContainerStep(final String log) {
            this.log = log;
        }

        public String getLog() {
            return log;
        }

        @Override
        public StepExecution start(final StepContext context) {
            return new Execution(context, log);
        }

        /** Starts the body with the decorator merged into its context, and ends with it. */
        private static final class Execution extends StepExecution {
            @Serial
            private static final long serialVersionUID = 1L;

            private final String log;

            Execution(final StepContext context, final String log) {
                super(context);
                this.log = log;
            }

            @Override
            public boolean start() throws Exception {
                getContext().newBodyInvoker()
                        .withContext(BodyInvoker.mergeLauncherDecorators(getContext().get(LauncherDecorator.class),
                                new RecordingDecorator(log)))
                        .withCallback(BodyExecutionCallback.wrap(getContext()))
                        .start();
                return false;
            }
        }

        /** Declares {@code recordingContainer} for the tests of this class. */
        @TestExtension
        public static final class DescriptorImpl extends StepDescriptor {
            @Override
            public String getFunctionName() {
                return "recordingContainer";
            }

            @NonNull
            @Override
            public String getDisplayName() {
                return "Runs the body as if in a container that records the processes it starts";
            }

            @Override
            public boolean takesImplicitBlockArgument() {
                return true;
            }

            @Override
            public Set<? extends Class<?>> getRequiredContext() {
                return Set.of(TaskListener.class);
            }
        }
    }

    /**
     * Wraps every process in {@code sh -c SCRIPT container LOG COMMAND…}: the script appends the
     * command to the log, sets {@code ML_CONTAINER} and runs the command in its place, as
     * {@code docker exec CONTAINER COMMAND…} would run it in the container.
     */
    private static final class RecordingDecorator extends LauncherDecorator implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private static final String WRAPPER = "log=$1; shift; printf '%s\\n' \"$*\" >> \"$log\";"
                + " ML_CONTAINER='the test container'; export ML_CONTAINER; exec \"$@\"";

        private final String log;

        RecordingDecorator(final String log) {
            this.log = log;
        }

        @NonNull
        @Override
        public Launcher decorate(@NonNull final Launcher launcher, @NonNull final Node node) {
            return new Launcher.DecoratedLauncher(launcher) {
                @Override
                public Proc launch(final Launcher.ProcStarter starter) throws IOException {
                    List<String> prefix = List.of("sh", "-c", WRAPPER, "container", log);
                    List<String> command = new ArrayList<>(prefix);
                    command.addAll(starter.cmds());
                    boolean[] masks = starter.masks();
                    starter.cmds(command);
                    if (masks != null) {
                        boolean[] shifted = new boolean[prefix.size() + masks.length];
                        System.arraycopy(masks, 0, shifted, prefix.size(), masks.length);
                        starter.masks(shifted);
                    }
                    return super.launch(starter);
                }
            };
        }
    }
}
