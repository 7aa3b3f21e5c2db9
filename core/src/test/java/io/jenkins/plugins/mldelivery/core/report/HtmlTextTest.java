package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class HtmlTextTest {
    @Test
    public void shouldEscapeTheCharactersThatHtmlGivesMeaningTo() {
        assertThat(HtmlText.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(HtmlText.escape(null)).isEmpty();
    }

    @Test
    public void shouldKeepJsonParseableWhileNoTextCanCloseTheScriptElement() throws Exception {
        String json = ResultJson.mapper().writeValueAsString(java.util.Map.of("name", "</script><!-- & -->"));

        String safe = HtmlText.scriptSafeJson(json);

        assertThat(safe).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(ResultJson.mapper().readTree(safe).path("name").asText()).isEqualTo("</script><!-- & -->");
    }

    @Test
    public void shouldEscapeMarkdownMarkupAndHtml() {
        assertThat(MarkdownText.escape("a|b *c* _d_ [e](f) <g> `h`"))
                .isEqualTo("a\\|b \\*c\\* \\_d\\_ \\[e\\](f) &lt;g&gt; \\`h\\`");
    }
}
