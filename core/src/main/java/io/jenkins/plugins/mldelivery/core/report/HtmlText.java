package io.jenkins.plugins.mldelivery.core.report;

/**
 * Escapes text for HTML element content and quoted attribute values, so that any name a user
 * chose (a metric called {@code <img src=x onerror=alert(1)>}) is shown as text, never run as markup.
 */
public final class HtmlText {
    private HtmlText() {
        // static escaping only
    }

    /**
     * Escapes the five characters that HTML gives meaning to.
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
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Makes JSON safe inside a {@code <script type="application/json">} element: the characters
     * that could end the element or open a comment are written as JSON unicode escapes, which
     * JSON.parse reads back unchanged.
     *
     * @param json JSON text
     * @return the same JSON without {@code <}, {@code >} and {@code &}
     */
    public static String scriptSafeJson(final String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
