package io.jenkins.plugins.mldelivery;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.steps.CanaryBuilder;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Specifies {@code mlCanary} and its freestyle build step with replayed predictions. */
public class CanaryStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private static String canary(final int canaryWrongEvery) throws Exception {
        return "node {\n"
                + CanaryFixture.writeFiles(canaryWrongEvery)
                + "  def c = mlCanary model: 'credit-risk', steps: [10, 50, 100], analysis: 'canary.yaml',"
                + " buildResult: 'UNSTABLE'\n"
                + "  echo \"decision=${c.decision} steps=${c.steps.size()}\"\n"
                + "}\n";
    }

    @Test
    public void shouldPromoteACanaryThatPredictsLikeTheBaseline() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, canary(0));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("decision=PROMOTED steps=3", run);
        assertThat(run.getAction(MlDeliveryRunAction.class).getSummary().getCanary().getDecision())
                .isEqualTo("PROMOTED");
    }

    @Test
    public void shouldRollBackACanaryThatGetsEveryThirdRowWrong() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, canary(3));

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("decision=ROLLED_BACK", run);
        j.assertLogContains("mlCanary FAILED: ", run);
    }

    @Test
    public void shouldRollOutInAFreestyleJob() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        TestJobs.writeToWorkspace(j, project, "canary.yaml", CanaryFixture.analysis());
        TestJobs.writeToWorkspace(j, project, "baseline-predictions.csv", CanaryFixture.predictions(0));
        TestJobs.writeToWorkspace(j, project, "canary-predictions.csv", CanaryFixture.predictions(0));
        CanaryBuilder canary = new CanaryBuilder("credit-risk", "canary.yaml");
        canary.setSteps(List.of(50, 100));
        project.getBuildersList().add(canary);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        assertThat(build.getAction(MlDeliveryRunAction.class).getSummary().getCanary().getSteps()).isEqualTo(2);
    }
}
