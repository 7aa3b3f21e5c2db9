package io.jenkins.plugins.mldelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeFalse;

import hudson.Functions;
import hudson.model.Result;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** Specifies that a canary rollout survives a restart of the controller and ends where it would have. */
public class CanaryRestartTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Before
    public void thePlansCommandsAreShellCommands() {
        assumeFalse("the router and metrics commands of the test plan are POSIX commands", Functions.isWindows());
    }

    @Test
    public void shouldResumeTheRolloutAfterARestartAndPromote() throws Throwable {
        sessions.then(j -> {
            WorkflowJob job = TestJobs.pipeline(j, "rollout", "node {\n"
                    + CanaryFixture.writeFiles(2)
                    + "  def c = mlCanary model: 'credit-risk', steps: [10, 50, 100], analysis: 'canary.yaml'\n"
                    + "  echo \"decision=${c.decision}\"\n"
                    + "}\n");
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("mlCanary: next analysis in", run);
        });
        sessions.then(j -> {
            WorkflowJob job = j.jenkins.getItemByFullName("rollout", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);

            j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(run));

            j.assertLogContains("mlCanary: resuming the rollout of credit-risk after a controller restart", run);
            j.assertLogContains("decision=PROMOTED", run);
            assertThat(j.jenkins.getWorkspaceFor(job).child("router.log").readToString())
                    .as("no weight was set twice, no analysis ran twice")
                    .isEqualTo("weight 10\nweight 50\npromote\n");
            assertThat(run.getAction(MlDeliveryRunAction.class).getSteps())
                    .extracting(step -> step.getStep() + ":" + step.getStatus())
                    .containsExactly("canary:PASSED");
        });
    }
}
