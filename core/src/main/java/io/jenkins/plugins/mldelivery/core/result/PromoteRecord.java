package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/**
 * A promote result ({@code ml-delivery promote --json}) as every reader sees it. A promotion either
 * moved the alias ({@link #moved()}), or was refused and moved nothing: the version is then absent,
 * and {@link #aliasMove()} is empty, so no reader can show a refused promotion as a move.
 *
 * @param formatVersion   the result format's version (1 when the file does not say)
 * @param step            {@code promote}
 * @param status          the step's status
 * @param timing          when it ran, or null
 * @param inputs          the files it read
 * @param registry        the registry's URI, or null
 * @param model           the registered model
 * @param version         the version the alias points at now, or null when nothing moved
 * @param alias           the alias
 * @param previousVersion the version it pointed at before, or null
 * @param promoted        whether the alias was moved; null in results that predate the field
 * @param forced          whether it was moved past a failed gate
 * @param gateVerdict     the gate's verdict it relied on, or null
 * @param refusal         why nothing was promoted, or null
 * @param reason          the reason the person gave, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromoteRecord(Integer formatVersion, String step, Status status, Timing timing,
        List<InputIdentity> inputs, String registry, String model, String version,
        String alias, String previousVersion, Boolean promoted, boolean forced, String gateVerdict, String refusal,
        String reason) implements RecordedStep {
    /** Requires the step, status, model and alias; a promotion that says it moved the alias needs the version. */
    public PromoteRecord {
        formatVersion = formatVersion == null ? 1 : formatVersion;
        Required.field(step, "step");
        Required.field(status, "status");
        Required.field(model, "model");
        Required.field(alias, "alias");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        if (Boolean.TRUE.equals(promoted)) {
            Required.field(version, "version");
        }
    }

    /**
     * Says whether the alias was moved: the result says so, or (in results that predate the field)
     * names the version it moved to and did not fail.
     *
     * @return whether the alias now points at {@link #version()}
     */
    @JsonIgnore
    public boolean moved() {
        return promoted != null ? promoted && version != null : version != null && status != Status.FAILED;
    }

    /**
     * Returns the alias move this promotion made.
     *
     * @return the move, or empty when the promotion was refused
     */
    public Optional<AliasMove> aliasMove() {
        return moved() ? Optional.of(new AliasMove(model, version, alias, previousVersion)) : Optional.empty();
    }

    /**
     * A registry alias that a promote step moved: {@code alias} now points at {@code version}.
     *
     * @param model           the registered model name
     * @param version         the version the alias points at now
     * @param alias           the alias, e.g. {@code champion}
     * @param previousVersion the version it pointed at before, or null if it is new
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AliasMove(String model, String version, String alias, String previousVersion) {
        /** Requires the model, version and alias. */
        public AliasMove {
            Required.field(model, "model");
            Required.field(version, "version");
            Required.field(alias, "alias");
        }
    }
}
