package io.jenkins.plugins.mldelivery;

import static io.jenkins.plugins.mldelivery.TestJobs.creditData;
import static io.jenkins.plugins.mldelivery.TestJobs.groovy;
import static io.jenkins.plugins.mldelivery.TestJobs.trainingCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeFalse;

import hudson.Functions;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryJobAction;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import java.util.List;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Specifies the build page's summary, the build's own page with its charts, and the job's metric trend. */
public class PagesTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void theCommandsAreShellCommands() {
        assumeFalse("the training commands of these tests are POSIX shell commands", Functions.isWindows());
    }

    private static String deliver(final String trainingCommand) {
        return "node {\n"
                + "  writeFile file: 'reference.csv', text: '" + groovy(creditData(300, 0)) + "'\n"
                + "  writeFile file: 'batch.csv', text: '" + groovy(creditData(300, 400)) + "'\n"
                + "  mlValidateData data: 'batch.csv', reference: 'reference.csv', buildResult: 'SUCCESS'\n"
                + "  mlTrain command: '" + groovy(trainingCommand) + "', metrics: 'metrics.json'\n"
                + "  mlGate rules: ['accuracy >= 0.85'], buildResult: 'SUCCESS'\n"
                + "}\n";
    }

    private JenkinsRule.WebClient webClient() {
        JenkinsRule.WebClient webClient = j.createWebClient();
        webClient.setJavaScriptEnabled(false);
        return webClient;
    }

    @Test
    public void shouldSummariseTheGateTheMetricsWithTheirChangeAndTheDriftOnTheBuildPage() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, deliver(trainingCommand(0.88, 0.8)));
        j.buildAndAssertSuccess(job);
        job.setDefinition(new CpsFlowDefinition(deliver(trainingCommand(0.91, 0.8)), true));
        WorkflowRun second = j.buildAndAssertSuccess(job);

        String html = webClient().getPage(second).getWebResponse().getContentAsString();

        String verdict = second.getAction(MlDeliveryRunAction.class).getSummary().getGate().getVerdict();
        assertThat(html).contains("ML Delivery", "<strong>" + verdict + "</strong>");
        assertThat(html).contains("0.91", "(+0.03)");
        assertThat(html).contains("Drifted features").contains(">income<");
    }

    @Test
    public void shouldServeTheBuildsPageAndDrawItsChartsOnRequest() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, deliver(trainingCommand(0.9, 0.8)));
        WorkflowRun run = j.buildAndAssertSuccess(job);

        HtmlPage page = webClient().getPage(run, MlDeliveryRunAction.URL_NAME + "/");

        String html = page.getWebResponse().getContentAsString();
        assertThat(html).contains("data-chart=\"drift\"", "data-chart=\"histogram:income\"");
        assertThat(html).as("charts come from an adjunct script, not an inline one")
                .contains("io/jenkins/plugins/mldelivery/pages/charts.js");
        MlDeliveryRunAction action = run.getAction(MlDeliveryRunAction.class);
        assertThat(action.getChartModel("drift")).doesNotContain("Chart not available");
        assertThat(action.getChartModel("histogram:income")).doesNotContain("Chart not available");
    }

    @Test
    public void shouldShowTheMetricTrendOfTheLastBuildsOnTheJobPage() throws Exception {
        WorkflowJob job = TestJobs.pipeline(j, deliver(trainingCommand(0.88, 0.8)));
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);

        String html = webClient().getPage(job).getWebResponse().getContentAsString();

        assertThat(html).contains("Model metrics", "echarts-api-trend-chart-data-holder");
        String trend = job.getAction(MlDeliveryJobAction.class).getBuildTrendModel();
        assertThat(trend).contains("#1", "#2", "accuracy");
    }

    /**
     * What matters is what the browser builds, not one escaping style (Jelly escapes {@code <} and
     * {@code &} only, so the page holds {@code &lt;img src=x onerror=alert(1)>}): the name is text in
     * its cell, and no element came out of it.
     */
    @Test
    public void shouldShowAMetricNameWithHtmlInItAsTextAndNeverAsAnElement() throws Exception {
        String name = "<img src=x onerror=alert(1)>";
        String command = "printf '{\"" + name + "\": 0.5, \"accuracy\": 0.9}' > metrics.json";
        WorkflowJob job = TestJobs.pipeline(j, "node { mlTrain command: '" + groovy(command) + "', metrics: 'metrics.json' }");
        WorkflowRun run = j.buildAndAssertSuccess(job);

        HtmlPage build = webClient().getPage(run);
        HtmlPage details = webClient().getPage(run, MlDeliveryRunAction.URL_NAME + "/");

        assertThat(texts(build, ".ml-delivery-summary .ml-delivery-metric__name")).contains(name, "accuracy");
        assertThat(texts(details, ".ml-delivery-metrics tbody td")).contains(name, "accuracy");
        for (HtmlPage page : new HtmlPage[] {build, details}) {
            assertThat(page.querySelectorAll(".ml-delivery-summary img, .ml-delivery-metrics img"))
                    .as("no img element in the ML Delivery content of %s", page.getUrl()).isEmpty();
            assertThat(page.querySelectorAll("img[src='x'], [onerror]"))
                    .as("no element made of the metric's name anywhere on %s", page.getUrl()).isEmpty();
        }
    }

    private static List<String> texts(final HtmlPage page, final String selector) {
        return page.querySelectorAll(selector).stream().map(DomNode::getTextContent).map(String::strip).toList();
    }
}
