package io.jenkins.plugins.mldelivery.core.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

public class HtmlReportTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private HtmlReport.Page newestWithHistory(final Path root) {
        List<BuildRecord> records = ReportFixtures.fourBuilds(root);
        RunResults run = RunResults.read(root.resolve("run-4"));
        TrendWindow window = TrendWindow.of(records);
        return HtmlReport.render(new ReportInput(run, records.get(0), window, ChampionMetrics.find(run, window, 4),
                ModelCard.find(root.resolve("run-4"))));
    }

    @Test
    public void shouldDrawEveryChartOfTheRun() {
        HtmlReport.Page page = newestWithHistory(folder.getRoot().toPath());

        // 7 metric trends, rows, issues, missing values, drift per feature, histogram, canary
        assertThat(page.charts()).isEqualTo(13);
        assertThat(count(page.html(), "data-chart=\"")).isEqualTo(13);
        assertThat(count(page.html(), "<script type=\"application/json\"")).isEqualTo(12 + 10); // one histogram per feature
    }

    @Test
    public void shouldNeedNoNetworkAndAdmitOnlyItsOwnScripts() {
        String html = newestWithHistory(folder.getRoot().toPath()).html();
        String page = withoutLibrary(html);

        assertThat(page).doesNotContain(" src=").doesNotContain("<link").doesNotContain("@import");
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertThat(csp.find()).isTrue();
        assertThat(csp.group(1)).startsWith("default-src &#39;none&#39;; script-src &#39;sha256-");
        assertThat(count(csp.group(1), "sha256-")).isEqualTo(2);
        assertThat(count(html, "<script>")).isEqualTo(2);
        assertThat(html).contains("t.version=\"5.5.0\""); // ECharts is inlined, not fetched
    }

    @Test
    public void shouldShowTheGateLineageAndModelCardAsPlainTables() {
        String html = withoutLibrary(newestWithHistory(folder.getRoot().toPath()).html());

        assertThat(html).contains("<h2>Gate: ✔ PASSED</h2>")
                .contains("<code>latency_p95_ms &lt;= 40</code>")
                .contains("<td>Git commit</td><td>3f9c2e1b7a6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b</td>")
                .contains("<td>model.type</td><td>hist_gradient_boosting</td>")
                .contains("<h4>Intended use</h4>")
                .contains("<tr>\n<th>Slice</th>\n<th>Accuracy</th>\n</tr>")
                .contains("<td>accuracy</td><td class=\"num\">0.8734</td><td class=\"num\">0.865</td><td class=\"good\">▲ +0.0084 better</td>")
                .contains("Promoted credit-risk version 7 to champion (was version 6).");
    }

    @Test
    public void shouldShowANameMadeOfMarkupAsTextEverywhere() {
        Path root = folder.getRoot().toPath();
        Path dir = ReportFixtures.newestRun(root.resolve("run"));
        ObjectNode train = ReportFixtures.result("train.json");
        ((ObjectNode) train.path("metrics")).put("<img src=x onerror=alert(1)>", 0.5).put("</script><script>alert(2)</script>", 0.25);
        ReportFixtures.write(dir, "train.json", train);

        String html = withoutLibrary(HtmlReport.render(ReportInput.of(RunResults.read(dir))).html());

        assertThat(html).contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>")
                .contains("\\u003cimg src=x onerror=alert(1)\\u003e") // in the trend chart's JSON
                .doesNotContain("<img")
                .doesNotContain("</script><script>alert(2)");
        assertThat(count(html, "</script>")).isEqualTo(count(html, "<script"));
    }

    /** Returns the page without the inlined ECharts library, whose code mentions tags of its own. */
    static String withoutLibrary(final String html) {
        int start = html.indexOf("<script>");
        int end = html.indexOf("</script>", start);
        return html.substring(0, start) + "<script>(ECharts)" + html.substring(end);
    }

    private static int count(final String text, final String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
