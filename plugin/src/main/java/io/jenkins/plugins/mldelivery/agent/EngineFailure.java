package io.jenkins.plugins.mldelivery.agent;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

/**
 * The kinds of engine failure, mirroring the CLI's exit codes: bad input (2), an external system
 * (3), and anything else (an internal error, reported with its stack trace).
 */
enum EngineFailure {
    /** The user's input is wrong: the message names the file, row, column or rule. */
    BAD_INPUT,
    /** A registry, cluster or metrics source failed: the message names it. */
    EXTERNAL_SYSTEM,
    /** A bug: the stack trace goes to the build log. */
    INTERNAL;

    /**
     * Classifies an exception thrown by the engine.
     *
     * @param failure the exception
     * @return its kind
     */
    static EngineFailure of(final Throwable failure) {
        if (failure instanceof BadInputException) {
            return BAD_INPUT;
        }
        if (failure instanceof ExternalSystemException) {
            return EXTERNAL_SYSTEM;
        }
        return INTERNAL;
    }

    /**
     * Tells whether the message alone says it all (no stack trace needed).
     *
     * @return {@code true} for the failures users act on from the message
     */
    boolean isExpected() {
        return this != INTERNAL;
    }
}
