package io.jenkins.plugins.mldelivery.core.result;

/**
 * The check of a result record's required fields: an absent field is refused with a message that
 * names it, which {@link JsonProblem} turns into one line naming the file and the field's path.
 */
final class Required {
    /** The start of every message, so {@link JsonProblem} can put the field's full path in it. */
    static final String MISSING = "missing required field '";

    private Required() {
        // static checks only
    }

    static <T> T field(final T value, final String name) {
        if (value == null) {
            throw new IllegalArgumentException(MISSING + name + "'");
        }
        return value;
    }
}
