package io.jenkins.plugins.mldelivery.core.report;

/**
 * Escapes text for GitHub-flavoured Markdown, in paragraphs and table cells alike: markup
 * characters get a backslash, HTML characters become entities, line breaks become spaces.
 */
public final class MarkdownText {
    // what can start emphasis, code, links, strikethrough or a table cell anywhere in a line; callers never
    // put escaped text at the start of a line, so line-start markup (#, +, 1.) needs no escape
    private static final String SPECIAL = "\\`*_[]|~";

    private MarkdownText() {
        // static escaping only
    }

    /**
     * Escapes text so it renders literally.
     *
     * @param text the text, or null
     * @return the escaped text; empty for null
     */
    public static String escape(final String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                escaped.append("&lt;");
            }
            else if (c == '>') {
                escaped.append("&gt;");
            }
            else if (c == '&') {
                escaped.append("&amp;");
            }
            else if (c == '\n' || c == '\r') {
                escaped.append(' ');
            }
            else {
                if (SPECIAL.indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
