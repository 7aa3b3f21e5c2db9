package io.jenkins.plugins.mldelivery.core.registry;

import java.util.Objects;

/**
 * Who makes a change to the registry, from which build, and why: recorded with every registration
 * and every alias move so the history answers an auditor's questions.
 *
 * @param who    the person or service account (in Jenkins, the user who started the build)
 * @param build  the build's URL, or {@code null} outside a build
 * @param reason why, in the person's words, or {@code null}
 */
public record ChangeNote(String who, String build, String reason) {
    /** Requires a non-blank {@code who}; blank build and reason become {@code null}. */
    public ChangeNote {
        Objects.requireNonNull(who, "who");
        if (who.isBlank()) {
            throw new IllegalArgumentException("who must not be blank");
        }
        build = blankToNull(build);
        reason = blankToNull(reason);
    }

    /**
     * Starts a note for a change made by someone.
     *
     * @param who the person or service account
     * @return a note without build or reason
     */
    public static ChangeNote by(final String who) {
        return new ChangeNote(who, null, null);
    }

    /**
     * Returns this note with the build that makes the change.
     *
     * @param url the build's URL
     * @return a new note
     */
    public ChangeNote fromBuild(final String url) {
        return new ChangeNote(who, url, reason);
    }

    /**
     * Returns this note with a reason.
     *
     * @param text why the change is made
     * @return a new note
     */
    public ChangeNote because(final String text) {
        return new ChangeNote(who, build, text);
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
