package io.jenkins.plugins.mldelivery;

import static io.jenkins.plugins.mldelivery.TestJobs.creditData;
import static io.jenkins.plugins.mldelivery.TestJobs.groovy;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.steps.ValidateDataBuilder;
import io.jenkins.plugins.mldelivery.steps.ValidateDataStep;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Specifies {@code mlValidateData} and its freestyle build step on real CSV files. */
public class ValidateDataStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private static String validationScript(final int incomeShift, final String buildResult) {
        return "node {\n"
                + "  writeFile file: 'reference.csv', text: '" + groovy(creditData(300, 0)) + "'\n"
                + "  writeFile file: 'batch.csv', text: '" + groovy(creditData(300, incomeShift)) + "'\n"
                + "  def v = mlValidateData data: 'batch.csv', reference: 'reference.csv', buildResult: '" + buildResult + "'\n"
                + "  echo \"status=${v.status} rows=${v.rows} datasetDrift=${v.drift.datasetDrift}\"\n"
                + "}\n";
    }

    @Test
    public void shouldReturnTheValidationOfAnUnchangedBatchToTheScript() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, validationScript(0, "FAILURE"));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("status=PASSED rows=300 datasetDrift=false", run);
        assertThat(run.getAction(MlDeliveryRunAction.class).getSteps())
                .extracting(step -> step.getStep() + ":" + step.getStatus())
                .containsExactly("validate:PASSED");
    }

    @Test
    public void shouldMarkTheBuildAndTheStepUnstableWhenTheIncomeDriftsAndUnstableWasAskedFor() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, validationScript(400, "UNSTABLE"));

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("status=FAILED rows=300 datasetDrift=true", run);
        List<FlowNode> warned = new DepthFirstScanner().filteredNodes(run.getExecution(),
                node -> node.getPersistentAction(WarningAction.class) != null);
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0).getPersistentAction(WarningAction.class).getMessage())
                .startsWith("mlValidateData FAILED: ");
    }

    @Test
    public void shouldStopThePipelineWhenTheIncomeDriftsByDefault() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, validationScript(400, "FAILURE"));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("mlValidateData FAILED: ", run);
        j.assertLogNotContains("status=", run);
        assertThat(run.getAction(MlDeliveryRunAction.class).getSteps())
                .as("the failed validation is still recorded on the build")
                .extracting(step -> step.getStep() + ":" + step.getStatus())
                .containsExactly("validate:FAILED");
    }

    @Test
    public void shouldValidateDataInAFreestyleJob() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        TestJobs.writeToWorkspace(j, project, "reference.csv", creditData(300, 0));
        TestJobs.writeToWorkspace(j, project, "batch.csv", creditData(300, 400));
        ValidateDataStep validation = new ValidateDataStep("batch.csv");
        validation.setReference("reference.csv");
        validation.setBuildResult("UNSTABLE");
        TestJobs.configureThroughTheForm(j, project, new ValidateDataBuilder(validation));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.UNSTABLE, project);

        j.assertLogContains("mlValidateData FAILED: ", build);
        MlDeliveryRunAction action = build.getAction(MlDeliveryRunAction.class);
        assertThat(action.getSummary().getDriftedFeatures()).extracting(feature -> feature.getName())
                .containsExactly("income");
        assertThat(build.getArtifactManager().root().child("ml-delivery/01-validate.batch-profile.json").exists())
                .as("the batch profile is archived").isTrue();
    }

    private static final String SCHEMA = "{\"format\": \"ml-delivery-schema/1\", \"columns\": {"
            + "\"income\": {\"type\": \"integer\", \"min\": 1000, \"max\": 1600},"
            + " \"segment\": {\"allowedValues\": [\"A\", \"B\", \"C\"]}}}";

    @Test
    public void shouldHandTheSchemaViolationsToTheScript() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  writeFile file: 'schema.json', text: '" + groovy(SCHEMA) + "'\n"
                + "  writeFile file: 'batch.csv', text: '" + groovy(creditData(300, 400)) + "'\n"
                + "  def v = mlValidateData data: 'batch.csv', schema: 'schema.json', buildResult: 'UNSTABLE'\n"
                + "  def first = v.violations[0]\n"
                + "  echo \"status=${v.status} violations=${v.violations.size()} ${first.column}:${first.rule}"
                + " count=${first.count} rows=${first.rows}\"\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("status=FAILED violations=1 income:max count=179 rows=[8, 9, 10, 11, 12]", run);
    }

    @Test
    public void shouldPassABatchThatKeepsToItsSchemaAndToItsReference() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  writeFile file: 'schema.json', text: '" + groovy(SCHEMA) + "'\n"
                + "  writeFile file: 'reference.csv', text: '" + groovy(creditData(300, 0)) + "'\n"
                + "  writeFile file: 'batch.csv', text: '" + groovy(creditData(300, 0)) + "'\n"
                + "  def v = mlValidateData data: 'batch.csv', schema: 'schema.json', reference: 'reference.csv'\n"
                + "  echo \"status=${v.status} violations=${v.violations.size()} inputs=${v.inputs.size()}\"\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("status=PASSED violations=0 inputs=3", run);
    }

    @Test
    public void shouldReportAnUnknownSchemaKeyInOneLine() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  writeFile file: 'schema.json', text: '{\"format\": \"ml-delivery-schema/1\","
                + " \"columns\": {\"income\": {\"maxx\": 1}}}'\n"
                + "  writeFile file: 'batch.csv', text: '" + groovy(creditData(30, 0)) + "'\n"
                + "  mlValidateData data: 'batch.csv', schema: 'schema.json'\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("schema.json:1:69: unknown key 'maxx'; known keys here are", run);
        j.assertLogNotContains("\tat io.jenkins.plugins.mldelivery", run);
    }
}
