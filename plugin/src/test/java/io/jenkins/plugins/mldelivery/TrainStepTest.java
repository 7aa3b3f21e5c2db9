package io.jenkins.plugins.mldelivery;

import static io.jenkins.plugins.mldelivery.TestJobs.groovy;
import static io.jenkins.plugins.mldelivery.TestJobs.trainingCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeFalse;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.steps.TrainBuilder;
import io.jenkins.plugins.mldelivery.steps.TrainStep;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Specifies {@code mlTrain} and its freestyle build step with a real command in a real workspace. */
public class TrainStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void theCommandsAreShellCommands() {
        assumeFalse("the training commands of these tests are POSIX shell commands", Functions.isWindows());
    }

    @Test
    public void shouldReturnTheMetricsToTheScriptAndArchiveTheModel() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  def t = mlTrain command: '" + groovy(trainingCommand(0.91, 0.88)) + "',"
                + " metrics: 'metrics.json', model: 'model/**'\n"
                + "  echo \"accuracy=${t.metrics.accuracy} f1=${t.metrics.f1} status=${t.status}\"\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("accuracy=0.91 f1=0.88 status=PASSED", run);
        assertThat(run.getArtifactManager().root().child("model/model.bin").exists())
                .as("the model file is archived under its workspace path").isTrue();
        assertThat(run.getAction(MlDeliveryRunAction.class).getSummary().getMetrics())
                .extracting(metric -> metric.getName() + "=" + metric.getValue())
                .containsExactly("accuracy=0.91", "f1=0.88");
    }

    @Test
    public void shouldFailTheBuildWhenTheCommandFails() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  mlTrain command: 'echo diverged; exit 3', metrics: 'metrics.json'\n"
                + "  echo 'not reached'\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("diverged", run);
        j.assertLogContains("mlTrain: the command exited with code 3", run);
        j.assertLogContains("mlTrain FAILED: ", run);
        j.assertLogNotContains("not reached", run);
    }

    @Test
    public void shouldHandTheMlflowServerToTheCommandAndMaskItsToken() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "mlflow-token", "MLflow", Secret.fromString("s3cr3t-token")));
        MlDeliveryConfiguration configuration = MlDeliveryConfiguration.get();
        configuration.setMlflowUrl("http://127.0.0.1:5999");
        configuration.setMlflowCredentialsId("mlflow-token");
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  mlTrain command: '" + groovy("echo \"uri=$MLFLOW_TRACKING_URI token=$MLFLOW_TRACKING_TOKEN\" && "
                        + trainingCommand(0.9, 0.9)) + "', metrics: 'metrics.json'\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("uri=http://127.0.0.1:5999 token=****", run);
        j.assertLogNotContains("s3cr3t-token", run);
    }

    @Test
    public void shouldTrainInAFreestyleJob() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        TrainStep training = new TrainStep(trainingCommand(0.86, 0.8), "metrics.json");
        training.setModel("model/**");
        TestJobs.configureThroughTheForm(j, project, new TrainBuilder(training));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        assertThat(build.getArtifactManager().root().child("model/model.bin").exists()).isTrue();
        assertThat(build.getAction(MlDeliveryRunAction.class).getSteps())
                .extracting(step -> step.getStep() + ":" + step.getStatus())
                .containsExactly("train:PASSED");
    }

    @Test
    public void shouldRunWithOverriddenParamsAndItsEnvironmentThenPutTheParamsFileBack() throws Exception {
        String command = "echo \"depth $(sed -n 's/^ *depth: *//p' params.yaml) epochs $EPOCHS\" && "
                + trainingCommand(0.9, 0.8);
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  writeFile file: 'params.yaml', text: '# tuned by hand\\nmodel:\\n  depth: 2\\n'\n"
                + "  def t = mlTrain command: '" + groovy(command) + "', metrics: 'metrics.json', params: 'params.yaml',"
                + " overrides: ['model.depth=4'], env: ['EPOCHS=3']\n"
                + "  echo \"params=${t.params} overrides=${t.lineage.paramOverrides}\"\n"
                + "  echo \"restored=${readFile('params.yaml').startsWith('# tuned by hand')}\"\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("depth 4 epochs 3", run);
        j.assertLogContains("params=[model.depth:4] overrides=[model.depth=4]", run);
        j.assertLogContains("restored=true", run);
    }

    @Test
    public void shouldKillACommandThatOutlivesItsTimeoutAndSayWhy() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  def t = mlTrain command: 'echo epoch 1; sleep 60', metrics: 'metrics.json', timeout: '2s',"
                + " buildResult: 'UNSTABLE'\n"
                + "  echo \"status=${t.status} failure=${t.failure} tail=${t.outputTail}\"\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("mlTrain: the command was killed at the timeout of 2s", run);
        // The tail is what the command printed, unedited: when the kill reaches `sleep` before its shell,
        // the shell reports the killed child ("Terminated", printed by dash and bash alike) and that line
        // belongs in it as much as in the log above it; when the shell goes first, nothing follows epoch 1.
        assertThat(JenkinsRule.getLog(run)).containsPattern("status=FAILED failure=timed out after 2s; killed the command"
                + " and every process it started tail=\\[epoch 1(, [^\\]\\n]*Terminated)?\\]\\R");
        assertThat(run.getDuration()).as("the build did not wait for the command's minute").isLessThan(50_000);
    }

    @Test
    public void shouldArchiveAProfileOfTheTrainingDataBesideTheModel() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  writeFile file: 'train.csv', text: '" + groovy(TestJobs.creditData(50, 0)) + "'\n"
                + "  def t = mlTrain command: '" + groovy(trainingCommand(0.9, 0.8)) + "', metrics: 'metrics.json',"
                + " model: 'model/**', data: ['train.csv']\n"
                + "  echo \"artifacts=${t.artifacts.collect { it.path }} data=${t.lineage.data[0].path}\"\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("artifacts=[model/model.bin, profiles/train.csv.profile.json] data=train.csv", run);
        assertThat(run.getArtifactManager().root().child("profiles/train.csv.profile.json").exists()).isTrue();
    }

    @Test
    public void shouldWarnButKeepTheModelWhenTheMlflowServerCannotBeReached() throws Exception {
        MlDeliveryConfiguration.get().setMlflowUrl("http://127.0.0.1:9");
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  def t = mlTrain command: '" + groovy(trainingCommand(0.9, 0.8)) + "', metrics: 'metrics.json',"
                + " model: 'model/**', mlflowExperiment: 'credit-risk'\n"
                + "  echo \"status=${t.status} tracked=${t.mlflow.trackingUri}\"\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("status=WARNING tracked=http://127.0.0.1:9", run);
        j.assertLogContains("mlTrain WARNING: ", run);
        assertThat(run.getArtifactManager().root().child("model/model.bin").exists()).isTrue();
    }

    @Test
    public void shouldRefuseAnMlflowExperimentWithoutAnMlflowServer() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node { mlTrain command: 'true', metrics: 'm.json', mlflowExperiment: 'x' }");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("mlTrain: mlflowExperiment needs an MLflow server", run);
    }
}
