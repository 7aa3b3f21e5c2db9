package io.jenkins.plugins.mldelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeFalse;

import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.steps.CanaryBuilder;
import io.jenkins.plugins.mldelivery.steps.CanaryStep;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Specifies {@code mlCanary} and its freestyle build step with the engine's rollout plan: a command
 * router that logs the weights it sets and a command metrics source (see {@link CanaryFixture}).
 */
public class CanaryStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void thePlansCommandsAreShellCommands() {
        assumeFalse("the router and metrics commands of the test plan are POSIX commands", Functions.isWindows());
    }

    private static String canary(final int canaryErrors) throws Exception {
        return "node {\n"
                + CanaryFixture.writeFiles(canaryErrors)
                + "  def c = mlCanary model: 'credit-risk', steps: [10, 50, 100], analysis: 'canary.yaml',"
                + " buildResult: 'UNSTABLE'\n"
                + "  echo \"decision=${c.decision} analysed=${c.steps.size()} model=${c.model}\"\n"
                + "}\n";
    }

    private String routerLog(final WorkflowJob job) throws Exception {
        return j.jenkins.getWorkspaceFor(job).child("router.log").readToString();
    }

    @Test
    public void shouldPromoteACanaryThatAnswersLikeTheStableVersion() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, canary(2));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("decision=PROMOTED analysed=2 model=credit-risk", run);
        j.assertLogContains("mlCanary: SHIFTING: step 1 at 10% passed", run);
        j.assertLogContains("mlCanary: PROMOTED: promoted", run);
        assertThat(routerLog(job)).isEqualTo("weight 10\nweight 50\npromote\n");
        assertThat(run.getAction(MlDeliveryRunAction.class).getSummary().getCanary().getDecision())
                .isEqualTo("PROMOTED");
    }

    @Test
    public void shouldRollBackACanaryThatFailsNinePercentOfItsRequests() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, canary(90));

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("decision=ROLLED_BACK analysed=1", run);
        j.assertLogContains("mlCanary FAILED: ", run);
        j.assertLogContains("critical metric error_rate High", run);
        assertThat(routerLog(job)).isEqualTo("weight 10\nrollback\n");
    }

    @Test
    public void shouldNotResumeThePreviousBuildsRollout() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, canary(2));
        j.buildAndAssertSuccess(job);

        WorkflowRun second = j.buildAndAssertSuccess(job);

        j.assertLogContains("decision=PROMOTED analysed=2", second);
        assertThat(routerLog(job)).as("the second build shifted traffic itself")
                .isEqualTo("weight 10\nweight 50\npromote\nweight 10\nweight 50\npromote\n");
    }

    @Test
    public void shouldReportABadPlanInOneLine() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  writeFile file: 'canary.yaml', text: 'model: x\\nsteps: [5, 100]\\ncritcal: true\\n'\n"
                + "  mlCanary model: 'credit-risk', analysis: 'canary.yaml'\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("canary.yaml", run);
        j.assertLogContains("critcal", run);
        j.assertLogNotContains("\tat io.jenkins.plugins.mldelivery", run);
    }

    @Test
    public void shouldRollOutInAFreestyleJob() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        TestJobs.writeToWorkspace(j, project, "canary.yaml", CanaryFixture.plan());
        TestJobs.writeToWorkspace(j, project, "samples.json", CanaryFixture.samples(2));
        CanaryStep canary = new CanaryStep("credit-risk", "canary.yaml");
        canary.setSteps(List.of(50, 100));
        TestJobs.configureThroughTheForm(j, project, new CanaryBuilder(canary));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        assertThat(build.getAction(MlDeliveryRunAction.class).getSummary().getCanary().getSteps()).isEqualTo(1);
        assertThat(j.jenkins.getWorkspaceFor(project).child("router.log").readToString())
                .isEqualTo("weight 50\npromote\n");
    }
}
