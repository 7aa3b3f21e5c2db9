package io.jenkins.plugins.mldelivery.core.gate.rule;

/**
 * One token of a rule, with the 1-based position of its first character.
 *
 * @param kind     what the token is
 * @param text     the characters as written (for a slice, what is between the brackets; for a
 *                 quoted name, the name without its quotes)
 * @param position the 1-based position of the token's first character in the rule
 */
record Token(Kind kind, String text, int position) {
    /** The kinds of token of the rule language. */
    enum Kind {
        NUMBER("a number"),
        NAME("a name"),
        QUOTED_NAME("a quoted name"),
        SLICE("a slice such as [gender=F]"),
        DOT("'.'"),
        COMMA("','"),
        OPEN("'('"),
        CLOSE("')'"),
        EQUALS("'='"),
        PERCENT("'%'"),
        PLUS("'+'"),
        MINUS("'-'"),
        TIMES("'*'"),
        DIVIDE("'/'"),
        AT_LEAST("'>='"),
        AT_MOST("'<='"),
        GREATER("'>'"),
        LESS("'<'"),
        END("the end of the rule");

        private final String description;

        Kind(final String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /**
     * Says whether this token is the given keyword (keywords are names the parser gives a meaning in
     * context, so a metric may still be called {@code with} when quoted).
     */
    boolean isKeyword(final String keyword) {
        return kind == Kind.NAME && text.equals(keyword);
    }

    /** Describes the token for an error message: what was found. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the rule";
            case NUMBER -> "number " + text;
            case NAME -> "'" + text + "'";
            case QUOTED_NAME -> "`" + text + "`";
            case SLICE -> "'[" + text + "]'";
            default -> kind.description();
        };
    }
}
