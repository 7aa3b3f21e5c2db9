package io.jenkins.plugins.mldelivery;

import static io.jenkins.plugins.mldelivery.TestJobs.groovy;
import static io.jenkins.plugins.mldelivery.TestJobs.trainingCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeFalse;

import hudson.Functions;
import hudson.model.Computer;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.steps.PromoteBuilder;
import io.jenkins.plugins.mldelivery.steps.PromoteStep;
import io.jenkins.plugins.mldelivery.steps.TrainBuilder;
import io.jenkins.plugins.mldelivery.steps.TrainStep;
import java.nio.file.Files;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;

/** Specifies {@code mlPromote} and its freestyle build step with the embedded registry under the Jenkins home. */
public class PromoteStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void theCommandsAreShellCommands() {
        assumeFalse("the training commands of these tests are POSIX shell commands", Functions.isWindows());
    }

    private static String trainGateAndPromote(final double f1) {
        return "node {\n"
                + "  mlTrain command: '" + groovy(trainingCommand(0.9, f1)) + "', metrics: 'metrics.json', model: 'model/**'\n"
                + "  def g = mlGate rules: ['f1 >= champion.f1 - 0.01'], model: 'credit-risk', buildResult: 'UNSTABLE'\n"
                + "  echo \"gate=${g.status}\"\n"
                + "  def p = mlPromote model: 'credit-risk', alias: 'champion'\n"
                + "  echo \"champion=${p.version} previous=${p.previousVersion}\"\n"
                + "}\n";
    }

    @Test
    public void shouldRegisterEachBuildsModelAndMoveTheChampionToIt() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, trainGateAndPromote(0.80));

        WorkflowRun first = j.buildAndAssertSuccess(job);
        j.assertLogContains("champion=1 previous=null", first);
        job.setDefinition(new CpsFlowDefinition(trainGateAndPromote(0.85), true));
        WorkflowRun second = j.buildAndAssertSuccess(job);

        j.assertLogContains("gate=PASSED", second);
        j.assertLogContains("champion=2 previous=1", second);
        assertThat(second.getAction(MlDeliveryRunAction.class).getSummary().getPromotion().getVersion()).isEqualTo("2");
        try (var files = Files.list(MlDeliveryConfiguration.get().getEmbeddedRegistryDirectory())) {
            assertThat(files).as("the embedded registry lives under the Jenkins home").isNotEmpty();
        }
    }

    @Test
    public void shouldRefuseToPromoteAfterAFailedGateUnlessForced() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, trainGateAndPromote(0.80));
        j.buildAndAssertSuccess(job);
        job.setDefinition(new CpsFlowDefinition(trainGateAndPromote(0.50), true));

        WorkflowRun worse = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("gate=FAILED", worse);
        j.assertLogContains("mlPromote FAILED: promote FAILED: the gate result ", worse);
        j.assertLogContains("credit-risk was not promoted to 'champion'", worse);
        j.assertLogContains("mlPromote: this build's gate failed; give force: true to promote anyway", worse);
        assertThat(worse.getAction(MlDeliveryRunAction.class).getSteps())
                .extracting(step -> step.getStep() + ":" + step.getStatus())
                .containsExactly("train:PASSED", "gate:FAILED", "promote:FAILED");
    }

    @Test
    public void shouldRefuseToPromoteForAUserWithoutThePromotePermission() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, Item.WORKSPACE, Computer.BUILD).everywhere().to("bob"));
        WorkflowJob job = TestJobs.pipeline(j, trainGateAndPromote(0.8));
        QueueItemAuthenticatorConfiguration.get().getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate(job.getFullName(), User.getById("bob", true).impersonate2()));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("mlPromote: bob lacks the permission ML Delivery/Promote on " + job.getFullName(), run);
    }

    @Test
    public void shouldPromoteForAUserGrantedThePromotePermission() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, Item.WORKSPACE, Computer.BUILD, MlDeliveryPermissions.PROMOTE)
                .everywhere().to("alice"));
        WorkflowJob job = TestJobs.pipeline(j, trainGateAndPromote(0.8));
        QueueItemAuthenticatorConfiguration.get().getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate(job.getFullName(), User.getById("alice", true).impersonate2()));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("champion=1", run);
    }

    @Test
    public void shouldPromoteInAFreestyleJob() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        TrainStep training = new TrainStep(trainingCommand(0.9, 0.8), "metrics.json");
        training.setModel("model/**");
        TestJobs.configureThroughTheForm(j, project, new TrainBuilder(training),
                new PromoteBuilder(new PromoteStep("credit-risk", "staging")));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("mlPromote: moving credit-risk@staging to the model trained in this build", build);
        j.assertLogContains("source: jenkins:" + build.getExternalizableId() + "/artifact/model/model.bin", build);
        assertThat(build.getAction(MlDeliveryRunAction.class).getSummary().getPromotion().getAlias())
                .isEqualTo("staging");
    }
}
