package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.result.PromoteRecord.AliasMove;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.CanarySummary;
import io.jenkins.plugins.mldelivery.core.history.DataQuality;
import io.jenkins.plugins.mldelivery.core.history.DriftSummary;
import io.jenkins.plugins.mldelivery.core.history.GateSummary;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The standalone HTML report of a run: one file with its styles, ECharts and the chart options
 * inlined, so it opens anywhere without network. Every table is plain HTML (readable without
 * JavaScript); every text a user or step chose is escaped; a Content-Security-Policy admits only
 * the report's own two scripts, by hash, so even markup that slipped through could not run.
 */
public final class HtmlReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String PAGE_SCRIPT = resource("report.js");
    private static final String STYLE = resource("report.css");

    private final ReportInput input;
    private final EChartsLibrary echarts;
    private final ChartSlots charts = new ChartSlots();

    private HtmlReport(final ReportInput input, final EChartsLibrary echarts) {
        this.input = input;
        this.echarts = echarts;
    }

    /**
     * Renders the report.
     *
     * @param input the report's input
     * @return the page
     */
    public static Page render(final ReportInput input) {
        return new HtmlReport(input, EChartsLibrary.load()).page();
    }

    /**
     * A rendered report.
     *
     * @param html   the whole page
     * @param charts how many charts it draws
     */
    public record Page(String html, int charts) {
    }

    private Page page() {
        BuildRecord record = input.current();
        HtmlBuilder body = new HtmlBuilder();
        header(body, record);
        body.open("main").trusted("\n");
        HtmlSections sections = new HtmlSections(input, charts);
        sections.metrics(body);
        sections.gate(body);
        sections.dataQuality(body);
        sections.drift(body);
        sections.canary(body);
        sections.lineage(body);
        sections.modelCard(body);
        sections.inputs(body);
        body.close("main");
        body.open("footer").text("Made by ml-delivery report from " + input.run().steps().size() + " step results; charts drawn by ECharts "
                + echarts.version() + ", inlined; the tables need no JavaScript.").close("footer");

        HtmlBuilder page = new HtmlBuilder();
        page.trusted("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.open("meta", "http-equiv", "Content-Security-Policy", "content", "default-src 'none'; script-src "
                + hash(echarts.script()) + " " + hash(PAGE_SCRIPT) + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'").trusted("\n");
        page.trusted("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.element("title", "ML Delivery report · build " + record.label() + " · " + record.status().name()).trusted("\n");
        page.trusted("<style>").trusted(STYLE).trusted("</style>\n</head>\n<body>\n");
        page.trusted(body.toString());
        page.trusted("<script>").trusted(echarts.script()).trusted("</script>\n");
        page.trusted("<script>").trusted(PAGE_SCRIPT).trusted("</script>\n</body>\n</html>\n");
        return new Page(page.toString(), charts.count());
    }

    private void header(final HtmlBuilder html, final BuildRecord record) {
        html.open("header");
        html.element("h1", "ML Delivery report · build " + record.label());
        html.open("p").open("span", "class", Verdicts.cssClass(record.status().name()))
                .text(Verdicts.label(record.status().name())).trusted("</span>");
        if (record.recordedAt() != null) {
            html.text(" · finished " + WHEN.format(record.recordedAt()));
        }
        html.text(" · " + String.join(", ", input.run().steps().keySet())).close("p");
        html.open("div", "class", "cards");
        GateSummary gate = record.gate();
        if (gate != null) {
            card(html, "Gate", Verdicts.label(gate.verdict()), Verdicts.cssClass(gate.verdict()), MarkdownSummary.ruleCounts(gate));
        }
        DataQuality quality = record.dataQuality();
        if (quality != null) {
            card(html, "Data", quality.rows() + " rows", "neutral",
                    (quality.violations() == 0 ? "✔ " : "✘ ") + quality.violations()
                    + (quality.violations() == 1 ? " violation" : " violations"));
        }
        DriftSummary drift = record.drift();
        if (drift != null) {
            card(html, "Drift", drift.datasetDrift() ? "⚠ dataset drift" : "✔ no dataset drift", drift.datasetDrift() ? "warn" : "good",
                    drift.driftedColumns() + " of " + drift.columns() + " compared features drifted");
        }
        for (AliasMove move : record.aliasMoves()) {
            card(html, "Model", move.model() + " v" + move.version(), "neutral",
                    "→ " + move.alias() + (move.previousVersion() == null ? "" : " (was v" + move.previousVersion() + ")"));
        }
        if (record.promotion() != null) {
            card(html, "Model", "✘ not promoted", "bad", record.promotion().model() + " → " + record.promotion().alias()
                    + " refused; the alias did not move");
        }
        CanarySummary canary = record.canary();
        if (canary != null) {
            card(html, "Canary", Verdicts.label(canary.decision()), Verdicts.cssClass(canary.decision()),
                    canary.steps() + " steps");
        }
        html.close("div").close("header");
    }

    private static void card(final HtmlBuilder html, final String name, final String value, final String css, final String detail) {
        html.open("div", "class", "card").element("div", name, "class", "name")
                .element("div", value, "class", "value " + css).element("div", detail).close("div");
    }

    /** The CSP source of an inline script: its SHA-256, Base64-encoded. */
    private static String hash(final String script) {
        byte[] digest = HexFormat.of().parseHex(FileDigest.sha256Hex(script.getBytes(StandardCharsets.UTF_8)));
        return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    }

    private static String resource(final String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
