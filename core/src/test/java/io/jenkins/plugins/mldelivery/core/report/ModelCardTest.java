package io.jenkins.plugins.mldelivery.core.report;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

public class ModelCardTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldFindTheModelCardInTheRunDirectoryByItsName() throws IOException {
        Path run = folder.getRoot().toPath();
        assertThat(ModelCard.find(run)).isEmpty();

        Files.writeString(run.resolve("MODEL_CARD.md"), "# Card");

        assertThat(ModelCard.find(run)).hasValueSatisfying(card -> assertThat(card.text()).isEqualTo("# Card"));
    }

    @Test
    public void shouldRenderHeadingsListsTablesAndCodeBelowTheReportsOwnHeadings() {
        ModelCard card = new ModelCard("model-card.md", """
                # Card
                ## Use
                Scores loans
                for people.

                - one
                - two

                | a | b |
                |---|---|
                | 1 | 2 |
                ```
                x < y
                ```
                """);

        assertThat(card.toHtml()).isEqualTo("""
                <h3>Card</h3>
                <h4>Use</h4>
                <p>Scores loans
                for people.</p>
                <ul>
                <li>one</li>
                <li>two</li>
                </ul>
                <table>
                <thead>
                <tr>
                <th>a</th>
                <th>b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>1</td>
                <td>2</td>
                </tr>
                </tbody>
                </table>
                <pre><code>x &lt; y
                </code></pre>
                """);
    }

    @Test
    public void shouldRenderEmphasisAndCodeInsteadOfShowingTheMarkup() {
        ModelCard card = new ModelCard("model-card.md", "Gate: **PASSED**, rule `f1 >= 0.8`, *trained* on [data](https://example.org/d) "
                + "and [not this](javascript:alert(1))");

        String html = card.toHtml();

        assertThat(html).contains("<strong>PASSED</strong>", "<code>f1 &gt;= 0.8</code>", "<em>trained</em>",
                "href=\"https://example.org/d\">data</a>").doesNotContain("**", "`", "javascript:");
    }

    @Test
    public void shouldEscapeMarkupInTheCard() {
        ModelCard card = new ModelCard("model-card.md", "# <script>alert(1)</script>\n<img src=x onerror=alert(2)>\n- <b>bold</b>");

        assertThat(card.toHtml()).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
