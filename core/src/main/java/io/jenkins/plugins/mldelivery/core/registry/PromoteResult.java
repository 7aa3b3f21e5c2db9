package io.jenkins.plugins.mldelivery.core.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.StepResult;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.util.List;
import java.util.Objects;

/**
 * The result of the {@code promote} step: which version the alias points to now and which it
 * pointed to before, or why the promotion was refused.
 *
 * @param status          {@code PASSED}; {@code WARNING} when forced past a failed gate; {@code FAILED} when refused
 * @param registry        the registry's URI
 * @param model           the model
 * @param version         the promoted version (or the one refused), or {@code null} when a refused train result was not registered
 * @param alias           the alias
 * @param previousVersion the version the alias pointed to before, or {@code null} when it did not exist
 * @param promoted        whether the alias now points to {@code version}
 * @param forced          whether the promotion overrode a failed gate
 * @param gateVerdict     the gate's verdict, or {@code null} without a gate result
 * @param source          the promoted version's model location, or {@code null}
 * @param who             who promoted
 * @param build           the build that promoted, or {@code null}
 * @param reason          why, or {@code null}
 * @param refusal         why the promotion was refused, or {@code null}
 * @param timing          when the step ran
 * @param inputs          the train result, gate result, template and profile read
 */
@JsonPropertyOrder({"step", "status"})
public record PromoteResult(Status status, String registry, String model, Integer version, String alias, Integer previousVersion,
        boolean promoted, boolean forced, String gateVerdict, String source, String who, String build, String reason,
        String refusal, Timing timing, List<InputIdentity> inputs) implements StepResult {
    /** Validates and copies the fields. */
    public PromoteResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(timing, "timing");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    @Override
    @JsonProperty("step")
    public String step() {
        return "promote";
    }

    @Override
    public String summary() {
        if (!promoted) {
            return "promote FAILED: " + refusal;
        }
        StringBuilder text = new StringBuilder("promote ").append(status).append(": ").append(model).append(" v").append(version)
                .append(" is now '").append(alias).append("' (was ")
                .append(previousVersion == null ? "unset" : "v" + previousVersion).append(") in ").append(registry);
        if (forced) {
            text.append("\n  forced past a ").append(gateVerdict).append(" gate");
        }
        else if (gateVerdict != null) {
            text.append("\n  gate: ").append(gateVerdict);
        }
        text.append("\n  by ").append(who).append(build == null ? "" : " from " + build).append(reason == null ? "" : ": " + reason);
        if (source != null) {
            text.append("\n  source: ").append(source);
        }
        return text.toString();
    }
}
