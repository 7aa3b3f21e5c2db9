package io.jenkins.plugins.mldelivery.core.report;

/**
 * Writes HTML in which every piece of text and every attribute value is escaped; only the report's
 * own constant markup, scripts and styles go in unescaped, through {@link #trusted}.
 */
final class HtmlBuilder {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /**
     * Opens an element.
     *
     * @param tag        the tag name, a constant
     * @param attributes name, value, name, value, …; values are escaped, null values are left out
     * @return this
     */
    HtmlBuilder open(final String tag, final String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(HtmlText.escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    HtmlBuilder close(final String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    HtmlBuilder text(final String text) {
        out.append(HtmlText.escape(text));
        return this;
    }

    /** Writes an element holding only text. */
    HtmlBuilder element(final String tag, final String text, final String... attributes) {
        open(tag, attributes);
        text(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Writes a table row of cells holding text; the first cell can be a header cell. */
    HtmlBuilder row(final boolean header, final String... cells) {
        out.append("<tr>");
        for (String cell : cells) {
            element(header ? "th" : "td", cell);
        }
        out.append("</tr>\n");
        return this;
    }

    /**
     * Appends markup that the report itself wrote (never user data).
     *
     * @param markup the markup
     * @return this
     */
    HtmlBuilder trusted(final String markup) {
        out.append(markup);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
