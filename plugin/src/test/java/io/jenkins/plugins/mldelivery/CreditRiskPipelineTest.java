package io.jenkins.plugins.mldelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeFalse;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.FilePath;
import hudson.Functions;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryJobAction;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.pages.RecordedStep;
import io.jenkins.plugins.mldelivery.pages.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.util.VirtualFile;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Runs the example's {@code Jenkinsfile} (examples/credit-risk) unchanged as a Pipeline job over three
 * builds, as the demo tells the story, with the example's files in the job's workspace and the
 * Python environment of {@code scripts/python-env}:
 * <ol>
 * <li>a logistic regression: the fresh holdout set is fine, the later batch has drifted (UNSTABLE),
 * the gate has no champion to compare with yet (a warning), and the model is promoted;</li>
 * <li>a weak candidate (depth-1 trees, 20 iterations): the gate fails the build;</li>
 * <li>gradient boosting as {@code params.yaml} is committed: the gate passes against the champion, the
 * offline canary replays the holdout set through both models and promotes, and the model is promoted.</li>
 * </ol>
 * The job has the parameters {@code BRANCH_NAME=main} (the Jenkinsfile promotes on the main branch of
 * a multibranch project) and {@code ML_DELIVERY_PYTHON}. Needs {@code -Dmld.python=…/.venv/bin/python}
 * (skipped without it, failed without it under {@code -Dmld.requireExternal=true}).
 */
public class CreditRiskPipelineTest {
    private static final String WEAK = "  max_iter: 20\n  max_depth: 1\n";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void shouldTellTheDemosStoryInThreeBuildsOfTheExamplesJenkinsfile() throws Exception {
        assumeFalse("the example's pipeline runs POSIX shell steps", Functions.isWindows());
        Path example = repositoryRoot().resolve("examples/credit-risk");
        Path python = python();
        String committedParams = Files.readString(example.resolve("params.yaml"), StandardCharsets.UTF_8);

        WorkflowJob job = j.createProject(WorkflowJob.class, "credit-risk");
        job.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("BRANCH_NAME", "main"),
                new StringParameterDefinition("ML_DELIVERY_PYTHON", python.toString())));
        job.setDefinition(new CpsFlowDefinition(Files.readString(example.resolve("Jenkinsfile"), StandardCharsets.UTF_8),
                true));
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        assertThat(workspace).isNotNull();
        assertThat(workspace.getRemote()).as("JenkinsRule puts a space in every path").contains(" ");
        new FilePath(example.toFile()).copyRecursiveTo("**/*",
                "data/**,model/**,eval/**,.venv/**,**/__pycache__/**,metrics.json,history.csv", workspace);

        // Build 1: the first model, a logistic regression
        workspace.child("params.yaml").write(committedParams.replace("type: hist_gradient_boosting",
                "type: logistic_regression"), StandardCharsets.UTF_8.name());
        WorkflowRun first = j.buildAndAssertStatus(Result.UNSTABLE, job);
        j.assertLogContains("holdout: 6000 rows, drifted share 0", first); // the map mlValidateData returned
        assertThat(JenkinsRule.getLog(first)).containsPattern("accuracy 0\\.8\\d+, f1 0\\.\\d+, data [0-9a-f]{64}");
        RunSummary one = summary(first);
        assertThat(one.getDriftedFeatures()).as("the later batch has drifted").extracting(RunSummary.Feature::getName)
                .contains("income", "debt_ratio");
        assertThat(one.getGate().getVerdict()).as("no champion yet: the champion rule only warns").isEqualTo("WARNING");
        assertThat(one.getPromotion().getVersion()).isEqualTo("1");
        assertThat(one.getCanary()).as("no champion in the workspace yet").isNull();

        // Build 2: a weak candidate
        workspace.child("params.yaml").write(committedParams.replace("  max_iter: 100\n  max_depth: 3\n", WEAK),
                StandardCharsets.UTF_8.name());
        assertThat(workspace.child("params.yaml").readToString()).contains(WEAK);
        WorkflowRun second = j.buildAndAssertStatus(Result.FAILURE, job);
        RunSummary two = summary(second);
        assertThat(two.getGate().getVerdict()).isEqualTo("FAILED");
        assertThat(two.getGate().getFailedRules()).extracting(RunSummary.Rule::getRule).contains("accuracy >= 0.85");
        assertThat(two.getPromotion()).as("a failed gate stops the build before the promotion").isNull();

        // Build 3: gradient boosting, as params.yaml is committed
        workspace.child("params.yaml").write(committedParams, StandardCharsets.UTF_8.name());
        WorkflowRun third = j.buildAndAssertStatus(Result.UNSTABLE, job);
        RunSummary three = summary(third);
        // PASSED, or WARNING when this machine predicts slower than the warning rule latency_p95_ms <= 40
        String verdict = three.getGate().getVerdict();
        assertThat(verdict).isIn("PASSED", "WARNING");
        assertThat(three.getGate().getFailedRules()).extracting(RunSummary.Rule::getRule)
                .isSubsetOf("latency_p95_ms <= 40");
        j.assertLogContains("comparing with credit-risk version 1", third);
        assertThat(three.getCanary().getDecision()).isEqualTo("PROMOTED");
        assertThat(three.getPromotion().getVersion()).isEqualTo("2");
        assertThat(three.getPromotion().getPreviousVersion()).isEqualTo("1");

        // The model and the data profiles, archived through the artifact manager and read back from it
        VirtualFile artifacts = third.getArtifactManager().root();
        // train.py writes an MLflow model directory: its MLmodel file beside the pickled model
        assertThat(artifacts.child("model/MLmodel").length()).isPositive();
        assertThat(artifacts.child("model/model.pkl").length()).isPositive();
        JsonNode trainProfile = readJson(artifacts.child("profiles/train.csv.profile.json"));
        assertThat(trainProfile.path("rows").asLong()).isEqualTo(24_000);
        JsonNode batchProfile = readJson(artifacts.child(MlDeliveryRunAction.DIRECTORY + "/02-validate."
                + RecordedStep.BATCH_PROFILE));
        assertThat(batchProfile.path("rows").asLong()).isEqualTo(6_000);

        // The build page's summary, the ML Delivery page's charts, the job page's trend
        JenkinsRule.WebClient web = j.createWebClient();
        web.setJavaScriptEnabled(false);
        String buildPage = web.getPage(third).getWebResponse().getContentAsString();
        assertThat(buildPage).contains("<strong>" + verdict + "</strong>", "Drifted features", ">income<",
                "Canary: PROMOTED");
        assertThat(buildPage).containsPattern("Model: credit-risk version 2\\s+is now champion");
        for (RunSummary.Metric metric : three.getMetrics()) {
            if ("f1".equals(metric.getName())) {
                assertThat(metric.getDelta()).as("f1 against the build before").isNotBlank();
            }
        }
        String chartsPage = web.getPage(third, MlDeliveryRunAction.URL_NAME + "/").getWebResponse().getContentAsString();
        assertThat(chartsPage).contains("data-chart=\"drift\"", "data-chart=\"histogram:income\"",
                "data-chart=\"canary\"");
        MlDeliveryRunAction charts = third.getAction(MlDeliveryRunAction.class);
        for (String chart : new String[] {"drift", "histogram:income", "canary"}) {
            JsonNode model = ResultJson.mapper().readTree(charts.getChartModel(chart));
            assertThat(model.path("series").size()).as(chart).isPositive();
        }
        String jobPage = web.getPage(job).getWebResponse().getContentAsString();
        assertThat(jobPage).contains("Model metrics");
        assertThat(job.getAction(MlDeliveryJobAction.class).getBuildTrendModel()).contains("#1", "#2", "#3", "accuracy");
    }

    private static RunSummary summary(final WorkflowRun run) {
        MlDeliveryRunAction action = run.getAction(MlDeliveryRunAction.class);
        assertThat(action).as("ML Delivery recorded %s", run).isNotNull();
        return action.getSummary();
    }

    private static JsonNode readJson(final VirtualFile file) throws IOException {
        assertThat(file.exists()).as(file.toString()).isTrue();
        try (InputStream in = file.open()) {
            return ResultJson.mapper().readTree(in);
        }
    }

    /** The repository: {@code -Dmld.repositoryRoot}, else the parent of the plugin module (the tests' working directory). */
    private static Path repositoryRoot() {
        String configured = System.getProperty("mld.repositoryRoot");
        Path root = configured == null || configured.isBlank() ? Path.of("").toAbsolutePath().getParent()
                : Path.of(configured);
        assertThat(root.resolve("examples/credit-risk/Jenkinsfile")).as("the repository's example").isRegularFile();
        return root;
    }

    /** The Python of scripts/python-env, as the engine's tests find it (ExternalTools in core's tests). */
    private static Path python() {
        String configured = System.getProperty("mld.python");
        Path python = configured == null || configured.isBlank() ? repositoryRoot().resolve(".venv/bin/python")
                : Path.of(configured);
        String message = python + " is not installed (set -Dmld.python=PATH, or run scripts/python-env)";
        if (!Files.isExecutable(python)) {
            if (Boolean.getBoolean("mld.requireExternal")) {
                throw new AssertionError(message);
            }
            assumeTrue(message, false);
        }
        return python;
    }
}
