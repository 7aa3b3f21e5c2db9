package io.jenkins.plugins.mldelivery.core.gate.rule;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.util.Objects;

/**
 * The text of one gate rule and its 1-based number among the gate's rules, so that every error
 * about it can name it the way the user wrote it.
 *
 * @param number the rule's 1-based number in the order the rules were given
 * @param text   the rule as written
 */
public record RuleSource(int number, String text) {
    /** Validates the fields. */
    public RuleSource {
        Objects.requireNonNull(text, "text");
        if (number < 1) {
            throw new IllegalArgumentException("rule numbers start at 1: " + number);
        }
    }

    /**
     * Returns an error about this rule as a whole.
     *
     * @param problem what is wrong, and what would be right
     * @return the exception, one line naming the rule
     */
    public BadInputException error(final String problem) {
        return new BadInputException(name() + ": " + problem);
    }

    /**
     * Returns an error at a character position of this rule.
     *
     * @param position the 1-based character position
     * @param problem  what was expected and what was found
     * @return the exception, one line naming the rule and the position
     */
    public BadInputException errorAt(final int position, final String problem) {
        return new BadInputException(name() + ": " + problem + " at position " + position);
    }

    /**
     * Returns how messages name this rule: its number and its text.
     *
     * @return for example {@code rule 2 'f1 >= champion.f1 - 0.01'}
     */
    public String name() {
        return "rule " + number + " '" + text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip() + "'";
    }
}
