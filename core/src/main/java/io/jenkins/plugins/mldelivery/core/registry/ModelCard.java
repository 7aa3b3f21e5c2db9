package io.jenkins.plugins.mldelivery.core.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * The model card written with every registered version, for a reviewer to read before a
 * production promotion: what the model is for, how good it is, what it was trained on and with,
 * where it came from, and what the gate said. Stored as JSON (this record) and as Markdown
 * ({@link #toMarkdown()}).
 *
 * @param model       the model
 * @param version     the version
 * @param createdAt   when it was registered
 * @param createdBy   who registered it
 * @param build       the producing build, or {@code null}
 * @param runId       the producing run, or {@code null}
 * @param source      the model's location
 * @param intendedUse the intended-use text from the team's template, or {@code null}
 * @param metrics     the metrics
 * @param params      the training parameters
 * @param lineage     the lineage
 * @param dataProfile the training data's summary, or {@code null}
 * @param gate        the gate's verdict, or {@code null}
 * @param artifacts   the stored files
 */
public record ModelCard(String model, int version, Instant createdAt, String createdBy, String build, String runId,
        String source, String intendedUse, Map<String, Double> metrics, Map<String, String> params,
        ModelLineage lineage, DataProfileSummary dataProfile, GateSummary gate, List<ModelArtifact> artifacts) {
    /** Validates and freezes the fields. */
    public ModelCard {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
        metrics = ModelVersion.sorted(metrics);
        params = ModelVersion.sorted(params);
        lineage = lineage == null ? ModelLineage.none() : lineage;
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /**
     * Builds the card of a newly registered version. The intended-use template may name
     * {@code {{model}}} and {@code {{version}}}; they are replaced here.
     *
     * @param version the registered version
     * @param request the request that registered it (for the intended use, profile and gate)
     * @return the card
     */
    public static ModelCard of(final ModelVersion version, final VersionRequest request) {
        String intendedUse = request.intendedUse() == null ? null : request.intendedUse()
                .replace("{{model}}", version.model()).replace("{{version}}", String.valueOf(version.version()));
        return new ModelCard(version.model(), version.version(), version.createdAt(), version.createdBy(),
                version.build(), version.runId(), version.source(), intendedUse, version.metrics(), version.params(),
                version.lineage(), request.dataProfile(), request.gate(), version.artifacts());
    }

    /**
     * Renders the card as Markdown.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        return new ModelCardMarkdown(this).render();
    }
}
