package io.jenkins.plugins.mldelivery.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.history.FileHistory;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the report of a run with a four-build history in real headless Chromium, as a person would,
 * and keeps a full-page screenshot at {@code core/target/report-screenshot.png}.
 */
public class HtmlReportBrowserTest {
    /** A metric name that would run script if the report wrote it as markup. */
    static final String HOSTILE_METRIC = "<img src=x onerror=alert(1)>";

    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static final Path SCREENSHOT = ExternalTools.repositoryRoot().resolve("core/target/report-screenshot.png");

    private static HeadlessChromium chromium;
    private static Path report;

    @BeforeClass
    public static void openReport() throws Exception {
        ExternalTools.chromium(); // skips (or fails under -Dmld.requireExternal) when Chromium is absent
        Path root = folder.getRoot().toPath();
        Path history = root.resolve("history");
        for (int build = 1; build <= 3; build++) {
            FileHistory files = FileHistory.open(history);
            files.write(files.recordOf(RunResults.read(ReportFixtures.earlierRun(root.resolve("run-" + build), build)),
                    OptionalInt.empty()));
        }
        Path run = ReportFixtures.newestRun(root.resolve("run-4"));
        ObjectNode train = ReportFixtures.result("train.json");
        ((ObjectNode) train.path("metrics")).put(HOSTILE_METRIC, 0.5);
        ReportFixtures.write(run, "train.json", train);
        report = root.resolve("report.html");
        StandaloneReport.write(new StandaloneReport.Request(run, history, report, null, OptionalInt.empty(), null, 50));

        chromium = HeadlessChromium.start(root.resolve("chromium"));
        chromium.open(report.toUri(), 1280, 900);
        chromium.awaitTrue("document.body.hasAttribute('data-charts-rendered')");
        chromium.screenshot(SCREENSHOT); // before any test changes the page
    }

    @AfterClass
    public static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    public void shouldDrawEveryChartOnACanvasWithContent() throws Exception {
        JsonNode charts = chromium.evaluate("""
                [...document.querySelectorAll('[data-chart]')].map(element => {
                  const canvas = element.querySelector('canvas');
                  let inked = 0;
                  if (canvas && canvas.width > 0 && canvas.height > 0) {
                    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) inked++; }
                  }
                  return {id: element.id, rendered: element.getAttribute('data-rendered'), inked: inked};
                })""");

        assertThat(charts).hasSize(14); // 8 metric trends (one is the hostile name), 3 data trends, drift, histogram, canary
        for (JsonNode chart : charts) {
            assertThat(chart.path("rendered").asText()).as(chart.toString()).isEqualTo("true");
            assertThat(chart.path("inked").asInt()).as("%s has drawn pixels", chart).isGreaterThan(2000);
        }
        assertThat(chromium.evaluate("document.body.getAttribute('data-charts-rendered')").asText()).isEqualTo("14");
    }

    @Test
    public void shouldShowAMetricNamedLikeMarkupAsTextAndRunNothing() throws Exception {
        assertThat(chromium.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
        assertThat(chromium.evaluate("[...document.querySelectorAll('#metrics td')].map(td => td.textContent)"))
                .extracting(JsonNode::asText).contains(HOSTILE_METRIC);
        assertThat(chromium.problems()).noneMatch(problem -> problem.startsWith("dialog"));
    }

    @Test
    public void shouldSwitchTheHistogramToAnotherFeature() throws Exception {
        chromium.evaluate("""
                (() => { const select = document.getElementById('histogram-feature');
                  select.selectedIndex = 2; select.dispatchEvent(new Event('change')); })()""");

        assertThat(chromium.evaluate("document.getElementById('histogram-chart').getAttribute('data-rendered')").asText())
                .isEqualTo("true");
        assertThat(chromium.evaluate("echarts.getInstanceByDom(document.getElementById('histogram-chart'))"
                + ".getOption().xAxis[0].name").asText()).isEqualTo("employment_type");
        assertThat(chromium.problems()).isEmpty();
    }

    @Test
    public void shouldRaiseNoJavaScriptErrorAndKeepAScreenshot() throws Exception {
        assertThat(chromium.problems()).isEmpty();
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(50_000);
        Files.copy(report, SCREENSHOT.resolveSibling("report-screenshot.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
