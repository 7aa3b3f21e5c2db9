package io.jenkins.plugins.mldelivery.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model card (Mitchell et al., "Model Cards for Model Reporting", 2019) written by the training
 * code, shown in the report. Markdown headings, lists, paragraphs and code blocks are rendered;
 * everything else stays text, and all of it is escaped.
 *
 * @param source the file it came from
 * @param text   its content
 */
public record ModelCard(String source, String text) {
    /** Matches model-card.md, model_card.md, MODEL_CARD.md, modelcard.md (and .markdown, .txt). */
    private static final Pattern FILE_NAME = Pattern.compile("model[-_]?card\\.(md|markdown|txt)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final int MAX_BYTES = 1 << 20;

    /** Validates the fields. */
    public ModelCard {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Finds a model card at the top of a run directory.
     *
     * @param runDirectory the run directory
     * @return the first model card by file name, if any
     */
    public static Optional<ModelCard> find(final Path runDirectory) {
        try (Stream<Path> files = Files.list(runDirectory)) {
            Optional<Path> card = files.filter(Files::isRegularFile)
                    .filter(file -> FILE_NAME.matcher(file.getFileName().toString().toLowerCase(Locale.ROOT)).matches())
                    .sorted().findFirst();
            if (card.isEmpty()) {
                return Optional.empty();
            }
            if (Files.size(card.get()) > MAX_BYTES) {
                return Optional.of(new ModelCard(card.get().toString(), "(model card larger than 1 MiB, not shown)"));
            }
            return Optional.of(new ModelCard(card.get().toString(), Files.readString(card.get(), StandardCharsets.UTF_8)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(runDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders the card as HTML: headings (shifted below the report's own), bullet lists, code blocks and
     * paragraphs; inline markup is shown as written.
     *
     * @return escaped HTML
     */
    public String toHtml() {
        StringBuilder html = new StringBuilder();
        List<String> lines = text.lines().toList();
        boolean inList = false;
        boolean inCode = false;
        StringBuilder paragraph = new StringBuilder();
        List<String> table = new java.util.ArrayList<>();
        for (String line : lines) {
            if (!inCode && line.strip().startsWith("|")) {
                paragraph = flush(html, paragraph);
                inList = closeList(html, inList);
                table.add(line.strip());
                continue;
            }
            table = flushTable(html, table);
            if (line.strip().startsWith("```")) {
                paragraph = flush(html, paragraph);
                inList = closeList(html, inList);
                html.append(inCode ? "</code></pre>\n" : "<pre><code>");
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                html.append(HtmlText.escape(line)).append('\n');
                continue;
            }
            var heading = HEADING.matcher(line);
            if (heading.matches()) {
                paragraph = flush(html, paragraph);
                inList = closeList(html, inList);
                int level = Math.min(heading.group(1).length() + 2, 6);
                html.append("<h").append(level).append('>').append(HtmlText.escape(heading.group(2).strip()))
                        .append("</h").append(level).append(">\n");
            }
            else if (line.matches("^\\s*[-*+]\\s+.*")) {
                paragraph = flush(html, paragraph);
                if (!inList) {
                    html.append("<ul>\n");
                    inList = true;
                }
                html.append("<li>").append(HtmlText.escape(line.strip().substring(1).strip())).append("</li>\n");
            }
            else if (line.isBlank()) {
                paragraph = flush(html, paragraph);
                inList = closeList(html, inList);
            }
            else {
                inList = closeList(html, inList);
                paragraph.append(paragraph.length() == 0 ? "" : "\n").append(line.strip());
            }
        }
        flush(html, paragraph);
        flushTable(html, table);
        closeList(html, inList);
        if (inCode) {
            html.append("</code></pre>\n");
        }
        return html.toString();
    }

    private static StringBuilder flush(final StringBuilder html, final StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            html.append("<p>").append(HtmlText.escape(paragraph.toString())).append("</p>\n");
        }
        return new StringBuilder();
    }

    /** Renders a pipe table; the first row is the header, a row of dashes and colons is its separator. */
    private static List<String> flushTable(final StringBuilder html, final List<String> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        html.append("<table>\n");
        boolean header = true;
        for (String row : rows) {
            if (row.matches("^\\|?[\\s:|-]+\\|?$")) {
                continue;
            }
            String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
            html.append("<tr>");
            for (String cell : inner.split("\\|", -1)) {
                String tag = header ? "th" : "td";
                html.append('<').append(tag).append('>').append(HtmlText.escape(cell.strip())).append("</").append(tag).append('>');
            }
            html.append("</tr>\n");
            header = false;
        }
        html.append("</table>\n");
        return new java.util.ArrayList<>();
    }

    private static boolean closeList(final StringBuilder html, final boolean inList) {
        if (inList) {
            html.append("</ul>\n");
        }
        return false;
    }
}
