package io.jenkins.plugins.mldelivery.core.gate;

/**
 * How the p-values of several significance rules in one gate are corrected for testing together.
 */
public enum Correction {
    /** Holm's step-down method (the default): controls the chance of any false "significant". */
    HOLM,
    /** No correction: each rule is judged at its own level, as if it were alone. */
    NONE
}
