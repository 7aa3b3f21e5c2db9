package io.jenkins.plugins.mldelivery.core.canary.plan;

/**
 * Which version of the model a side of the rollout runs: given in the plan, or named by a registry
 * alias and resolved (to a version and its model file) when the rollout starts.
 *
 * @param version  the version label, substituted for {@code {version}} in queries and commands;
 *                 {@code null} until an alias is resolved
 * @param model    the model file the replay's scoring command loads, or {@code null}
 * @param alias    the registry alias naming the version (e.g. {@code champion}), or {@code null}
 * @param previous whether the version meant is the one the alias pointed to before its last move
 */
public record ModelIdentity(String version, String model, String alias, boolean previous) {
    /** Validates that the version is known or an alias will tell it. */
    public ModelIdentity {
        if (version == null && alias == null) {
            throw new IllegalArgumentException("a version or an alias is needed");
        }
        if (previous && alias == null) {
            throw new IllegalArgumentException("'previous' needs an alias");
        }
    }

    /**
     * Creates an identity given in the plan.
     *
     * @param version the version label
     * @param model   the model file, or {@code null}
     */
    public ModelIdentity(final String version, final String model) {
        this(version, model, null, false);
    }

    /**
     * Says whether a registry must still resolve this identity.
     *
     * @return whether the version or the model file is to come from the registry
     */
    public boolean unresolved() {
        return version == null || alias != null && model == null;
    }

    /**
     * Describes the identity for messages: the version, and the alias it came from.
     *
     * @return e.g. {@code 4 (alias champion)}
     */
    public String describe() {
        String label = version == null ? "?" : version;
        return alias == null ? label : label + " (alias " + alias + (previous ? ", previous" : "") + ")";
    }
}
