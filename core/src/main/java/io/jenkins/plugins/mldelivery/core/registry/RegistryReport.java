package io.jenkins.plugins.mldelivery.core.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.StepResult;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of an {@code ml-delivery registry} action ({@code list}, {@code show}, {@code history},
 * {@code rollback}, {@code stage}): what the registry holds, or the change just made. Only the
 * fields the action fills are written.
 *
 * @param action   the action
 * @param registry the registry's URI
 * @param model    the model, or {@code null} when listing models
 * @param models   the registered models ({@code list} without a model)
 * @param versions the model's versions ({@code list})
 * @param aliases  alias to version ({@code list}, {@code show})
 * @param version  the version shown or changed ({@code show}, {@code stage})
 * @param card     the version's model card ({@code show})
 * @param history  the alias moves ({@code history})
 * @param move     the move made ({@code rollback})
 * @param timing   when the action ran
 */
@JsonPropertyOrder({"step", "status", "action"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryReport(String action, String registry, String model, List<RegisteredModel> models,
        List<ModelVersion> versions, Map<String, Integer> aliases, ModelVersion version, ModelCard card,
        List<AliasMove> history, AliasMove move, Timing timing) implements StepResult {
    /** Validates the fields. */
    public RegistryReport {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(timing, "timing");
        aliases = aliases == null ? null : ModelVersion.sorted(aliases);
    }

    @Override
    @JsonProperty("step")
    public String step() {
        return "registry";
    }

    @Override
    @JsonProperty("status")
    public Status status() {
        return Status.PASSED;
    }

    @Override
    @JsonProperty("inputs")
    public List<InputIdentity> inputs() {
        return List.of();
    }

    @Override
    public String summary() {
        return switch (action) {
            case "list" -> model == null ? modelsSummary() : versionsSummary();
            case "history" -> historySummary();
            case "rollback" -> "rollback: '" + move.alias() + "' of " + model + " moved back from v" + move.fromVersion()
                    + " to v" + move.toVersion() + " in " + registry + "\n  " + describe(move);
            default -> versionSummary();
        };
    }

    private String modelsSummary() {
        StringBuilder text = new StringBuilder(registry).append(": ").append(count(models.size(), "model"));
        for (RegisteredModel registered : models) {
            text.append("\n  ").append(registered.name()).append("  latest v").append(registered.latestVersion());
            registered.aliases().forEach((alias, number) -> text.append("  ").append(alias).append("=v").append(number));
        }
        return text.toString();
    }

    private String versionsSummary() {
        StringBuilder text = new StringBuilder(model).append(" in ").append(registry).append(": ").append(count(versions.size(), "version"));
        for (ModelVersion v : versions) {
            text.append("\n  v").append(v.version()).append("  ").append(v.createdAt()).append("  ").append(metrics(v, 4));
            List<String> pointing = aliases.entrySet().stream().filter(e -> e.getValue() == v.version()).map(Map.Entry::getKey).toList();
            if (!pointing.isEmpty()) {
                text.append("  [").append(String.join(", ", pointing)).append(']');
            }
            if (v.stage() != Stage.NONE) {
                text.append("  (").append(v.stage().mlflowName()).append(')');
            }
        }
        return text.toString();
    }

    private String versionSummary() {
        List<String> pointing = aliases == null ? List.of()
                : aliases.entrySet().stream().filter(e -> e.getValue() == version.version()).map(Map.Entry::getKey).toList();
        StringBuilder text = new StringBuilder(version.label());
        if (!pointing.isEmpty()) {
            text.append(" [").append(String.join(", ", pointing)).append(']');
        }
        if (version.stage() != Stage.NONE) {
            text.append(" (").append(version.stage().mlflowName()).append(')');
        }
        text.append(" in ").append(registry);
        text.append("\n  source: ").append(version.source());
        text.append("\n  registered ").append(version.createdAt()).append(" by ").append(version.createdBy())
                .append(version.build() == null ? "" : " from " + version.build());
        text.append("\n  metrics: ").append(metrics(version, Integer.MAX_VALUE));
        if (!version.params().isEmpty()) {
            text.append("\n  params: ").append(version.params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        if (version.lineage().gitCommit() != null) {
            text.append("\n  commit: ").append(version.lineage().gitCommit());
        }
        return text.toString();
    }

    private String historySummary() {
        StringBuilder text = new StringBuilder(model).append(" in ").append(registry).append(": ").append(count(history.size(), "alias move"));
        history.forEach(m -> text.append("\n  ").append(describe(m)));
        return text.toString();
    }

    private static String describe(final AliasMove move) {
        return move.at() + "  " + move.alias() + "  " + move.action() + " " + label(move.fromVersion()) + " -> " + label(move.toVersion())
                + "  by " + move.who() + (move.build() == null ? "" : " from " + move.build())
                + (move.reason() == null ? "" : ": " + move.reason());
    }

    private static String label(final Integer version) {
        return version == null ? "(none)" : "v" + version;
    }

    /** The headline metrics; slice metrics ({@code f1[gender=F]}) are counted, they are in the JSON and the card. */
    private static String metrics(final ModelVersion version, final int limit) {
        if (version.metrics().isEmpty()) {
            return "(no metrics)";
        }
        List<String> headline = version.metrics().entrySet().stream().filter(e -> !e.getKey().contains("["))
                .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4g", e.getValue())).toList();
        long slices = version.metrics().keySet().stream().filter(name -> name.contains("[")).count();
        String text = String.join(" ", headline.subList(0, Math.min(limit, headline.size())));
        long more = Math.max(0, headline.size() - limit);
        if (more > 0 || slices > 0) {
            text += " (+" + (more > 0 ? more + " more" + (slices > 0 ? ", " : "") : "") + (slices > 0 ? count((int) slices, "slice metric") : "") + ")";
        }
        return text;
    }

    private static String count(final int n, final String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
