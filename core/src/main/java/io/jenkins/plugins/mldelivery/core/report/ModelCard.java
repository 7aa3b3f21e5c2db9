package io.jenkins.plugins.mldelivery.core.report;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

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
 * code, shown in the report, its Markdown rendered (HTML in it is escaped).
 *
 * @param source the file it came from
 * @param text   its content
 */
public record ModelCard(String source, String text) {
    /** Matches model-card.md, model_card.md, MODEL_CARD.md, modelcard.md (and .markdown, .txt). */
    private static final Pattern FILE_NAME = Pattern.compile("model[-_]?card\\.(md|markdown|txt)");
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
     * Renders the card as HTML with CommonMark (the reference specification of Markdown, and GitHub's pipe
     * tables): headings shifted below the report's own, emphasis, code, lists, tables and links. HTML written
     * in the card is escaped, never passed through, and only http(s) and mailto links are kept.
     *
     * @return HTML safe to embed in the report
     */
    public String toHtml() {
        List<Extension> extensions = List.of(TablesExtension.create());
        Node document = Parser.builder().extensions(extensions).build().parse(text);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(final Heading heading) {
                heading.setLevel(Math.min(heading.getLevel() + 2, 6)); // below the report's h1 and its sections' h2
                visitChildren(heading);
            }
        });
        return HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .build().render(document);
    }
}
