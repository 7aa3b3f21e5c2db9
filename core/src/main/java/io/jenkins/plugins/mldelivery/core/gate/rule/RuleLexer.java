package io.jenkins.plugins.mldelivery.core.gate.rule;

import io.jenkins.plugins.mldelivery.core.gate.rule.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule into tokens by hand, one character class at a time, so that every error can point
 * at the exact position the user has to fix.
 */
final class RuleLexer {
    private final RuleSource source;
    private final String text;
    private int index;

    private RuleLexer(final RuleSource source) {
        this.source = source;
        this.text = source.text();
    }

    /**
     * Returns the tokens of a rule, ending with {@link Kind#END}.
     *
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException naming the rule and the position of a character that starts no token
     */
    static List<Token> tokens(final RuleSource source) {
        return new RuleLexer(source).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= text.length()) {
                tokens.add(new Token(Kind.END, "", text.length() + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
    }

    private Token next() {
        int start = index;
        char c = text.charAt(index);
        if (isDigit(c) || c == '.' && index + 1 < text.length() && isDigit(text.charAt(index + 1))) {
            return number();
        }
        if (isNameStart(c)) {
            while (index < text.length() && isNamePart(text.charAt(index))) {
                index++;
            }
            return new Token(Kind.NAME, text.substring(start, index), start + 1);
        }
        switch (c) {
            case '`':
                return delimited('`', Kind.QUOTED_NAME, "a closing ` for the quoted name");
            case '[':
                return delimited(']', Kind.SLICE, "a closing ] for the slice");
            case '>':
            case '<':
                return comparison(c);
            case '=':
                if (peek(1) == '=' || peek(1) == '>' || peek(1) == '<') {
                    throw source.errorAt(start + 1, "'" + c + peek(1) + "' is not a comparison; use >=, <=, > or <");
                }
                return single(Kind.EQUALS);
            case '!':
                throw source.errorAt(start + 1, "'!' is not part of the rule language; use >=, <=, > or <");
            case '.':
                return single(Kind.DOT);
            case ',':
                return single(Kind.COMMA);
            case '(':
                return single(Kind.OPEN);
            case ')':
                return single(Kind.CLOSE);
            case '%':
                return single(Kind.PERCENT);
            case '+':
                return single(Kind.PLUS);
            case '-':
                return single(Kind.MINUS);
            case '*':
                return single(Kind.TIMES);
            case '/':
                return single(Kind.DIVIDE);
            default:
                throw source.errorAt(start + 1, "unexpected character '" + c + "'");
        }
    }

    private Token single(final Kind kind) {
        index++;
        return new Token(kind, text.substring(index - 1, index), index);
    }

    private Token comparison(final char c) {
        int start = index;
        index++;
        if (peek(0) == '=') {
            index++;
            return new Token(c == '>' ? Kind.AT_LEAST : Kind.AT_MOST, text.substring(start, index), start + 1);
        }
        return new Token(c == '>' ? Kind.GREATER : Kind.LESS, String.valueOf(c), start + 1);
    }

    /** Reads the content up to a closing character; slices and quoted names may hold any other character. */
    private Token delimited(final char close, final Kind kind, final String expected) {
        int start = index;
        int end = text.indexOf(close, start + 1);
        if (end < 0) {
            throw source.errorAt(text.length() + 1, "expected " + expected + " opened at position " + (start + 1));
        }
        index = end + 1;
        return new Token(kind, text.substring(start + 1, end), start + 1);
    }

    /** Reads a decimal number: digits, an optional fraction, an optional exponent. */
    private Token number() {
        int start = index;
        digits();
        if (peek(0) == '.') {
            index++;
            digits();
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (isDigit(peek(1)) || (peek(1) == '+' || peek(1) == '-') && isDigit(peek(2)))) {
            index += isDigit(peek(1)) ? 1 : 2;
            digits();
        }
        if (isNameStart(peek(0))) {
            throw source.errorAt(index + 1, "unexpected '" + peek(0) + "' after number " + text.substring(start, index)
                    + " (a metric name starts with a letter or _)");
        }
        return new Token(Kind.NUMBER, text.substring(start, index), start + 1);
    }

    private void digits() {
        while (isDigit(peek(0))) {
            index++;
        }
    }

    private char peek(final int ahead) {
        int at = index + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private static boolean isDigit(final char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(final char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(final char c) {
        return isNameStart(c) || isDigit(c);
    }
}
