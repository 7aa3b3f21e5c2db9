package io.jenkins.plugins.mldelivery;

import static io.jenkins.plugins.mldelivery.TestJobs.groovy;
import static io.jenkins.plugins.mldelivery.TestJobs.trainingCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeFalse;

import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.pages.RunSummary;
import io.jenkins.plugins.mldelivery.steps.GateBuilder;
import io.jenkins.plugins.mldelivery.steps.GateStep;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Specifies {@code mlGate} and its freestyle build step on the metrics of a real training. */
public class GateStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void theCommandsAreShellCommands() {
        assumeFalse("the training commands of these tests are POSIX shell commands", Functions.isWindows());
    }

    private static String trainAndGate(final double accuracy) {
        return "node {\n"
                + "  mlTrain command: '" + groovy(trainingCommand(accuracy, 0.8)) + "', metrics: 'metrics.json'\n"
                + "  def g = mlGate rules: ['accuracy >= 0.85', 'f1 >= 0.5'], buildResult: 'UNSTABLE'\n"
                + "  if (g.status == 'FAILED') {\n"
                + "    echo \"gate said no: ${g.rules.findAll { !it.passed }.collect { it.rule }}\"\n"
                + "  } else {\n"
                + "    echo \"gate said yes: ${g.verdict}\"\n"
                + "  }\n"
                + "}\n";
    }

    @Test
    public void shouldLetTheScriptGoOnWhenTheCandidateMeetsTheRules() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, trainAndGate(0.91));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("gate said yes: ", run);
        RunSummary.Verdict gate = run.getAction(MlDeliveryRunAction.class).getSummary().getGate();
        assertThat(gate.getPassed()).isEqualTo(2);
        assertThat(gate.getFailedRules()).isEmpty();
    }

    @Test
    public void shouldHandTheFailedRulesToTheScriptAndMarkTheStepUnstable() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, trainAndGate(0.80));

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("gate said no: [accuracy >= 0.85]", run);
        List<FlowNode> warned = new DepthFirstScanner().filteredNodes(run.getExecution(),
                node -> node.getPersistentAction(WarningAction.class) != null);
        assertThat(warned).extracting(FlowNode::getDisplayFunctionName).containsExactly("mlGate");
        assertThat(warned.get(0).getPersistentAction(WarningAction.class).getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(run.getAction(MlDeliveryRunAction.class).getSummary().getGate().getFailedRules())
                .extracting(RunSummary.Rule::getRule).containsExactly("accuracy >= 0.85");
    }

    @Test
    public void shouldJudgeAMetricsFileInAFreestyleJobAndFailTheBuild() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        TestJobs.writeToWorkspace(j, project, "metrics.json", "{\"accuracy\": 0.7, \"latency_p95_ms\": 55}");
        GateStep gate = new GateStep(List.of("accuracy >= 0.85", "latency_p95_ms <= 40"));
        gate.setMetrics("metrics.json");
        TestJobs.configureThroughTheForm(j, project, new GateBuilder(gate));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("mlGate FAILED: ", build);
        assertThat(build.getAction(MlDeliveryRunAction.class).getSummary().getGate().getFailedRules())
                .extracting(RunSummary.Rule::getRule)
                .containsExactly("accuracy >= 0.85", "latency_p95_ms <= 40");
    }

    @Test
    public void shouldRefuseToRunWithoutMetrics() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node { mlGate rules: ['accuracy >= 0.85'] }");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("mlGate has no metrics to judge: give metrics: 'metrics.json' or call mlTrain earlier", run);
    }

    @Test
    public void shouldOnlyWarnWhenAWarningRuleBreaks() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  mlTrain command: '" + groovy(trainingCommand(0.9, 0.8)) + "', metrics: 'metrics.json'\n"
                + "  def g = mlGate rules: ['accuracy >= 0.85'], warnRules: ['f1 >= 0.9']\n"
                + "  echo \"status=${g.status} severities=${g.rules.collect { it.severity }}\"\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("status=WARNING", run);
        j.assertLogContains("mlGate WARNING: ", run);
    }

    @Test
    public void shouldFailTheFirstModelWhenNothingMayGoThroughWithoutAComparison() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, "node {\n"
                + "  mlTrain command: '" + groovy(trainingCommand(0.9, 0.8)) + "', metrics: 'metrics.json'\n"
                + "  mlGate rules: ['f1 >= champion.f1 - 0.01'], model: 'credit-risk', withoutChampion: 'fail'\n"
                + "}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("mlGate: no champion yet: model 'credit-risk' is not registered in file:", run);
        j.assertLogContains("mlGate FAILED: ", run);
    }
}
