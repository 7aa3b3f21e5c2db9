package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.registry.ModelCard;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documents of the embedded registry and how an audit event changes them:
 * <pre>
 * models/NAME/model.json                      the model's aliases, newest version, idempotency keys
 * models/NAME/versions/N/version.json         the version
 * models/NAME/versions/N/model-card.{json,md} its model card
 * models/NAME/versions/N/artifacts/…          the stored model files, when the registry holds copies
 * </pre>
 * Every document is replaced atomically; a version's source inside its own directory is stored
 * relative to it, so the registry directory can be moved or mounted elsewhere.
 */
final class RegistryDirectory {
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final Path root;

    RegistryDirectory(final Path root) {
        this.root = root;
    }

    Path modelDir(final String model) {
        return root.resolve("models").resolve(model);
    }

    Path versionDir(final String model, final int version) {
        return modelDir(model).resolve("versions").resolve(String.valueOf(version));
    }

    Optional<ModelDocument> model(final String model) {
        Path file = modelDir(model).resolve("model.json");
        return Files.exists(file) ? Optional.of(ResultJson.read(file, ModelDocument.class)) : Optional.empty();
    }

    /** Returns a version as callers see it: with its source made absolute when it is stored here. */
    Optional<ModelVersion> version(final String model, final int version) {
        Path file = versionDir(model, version).resolve("version.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(resolved(ResultJson.read(file, ModelVersion.class)));
    }

    Optional<ModelCard> card(final String model, final int version) {
        Path file = versionDir(model, version).resolve("model-card.json");
        return Files.exists(file) ? Optional.of(ResultJson.read(file, ModelCard.class)) : Optional.empty();
    }

    List<String> modelNames() {
        Path models = root.resolve("models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(models)) {
            return dirs.filter(dir -> Files.exists(dir.resolve("model.json")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(models + ": " + e.getMessage(), e);
        }
    }

    /** Says whether the documents already show an event. */
    boolean isApplied(final AuditEvent event) {
        return model(event.model()).map(document -> document.seq() >= event.seq()).orElse(false);
    }

    /** Brings the documents up to an event; applying an event twice leaves the same documents. */
    void apply(final AuditEvent event) {
        ModelDocument before = model(event.model()).orElseGet(() -> ModelDocument.create(event.model(), event.at()));
        switch (event.action()) {
            case REGISTER -> {
                Path dir = versionDir(event.model(), event.version());
                ResultJson.write(dir.resolve("version.json"), event.document());
                if (event.card() != null) {
                    ResultJson.write(dir.resolve("model-card.json"), event.card());
                    AtomicFiles.write(dir.resolve("model-card.md"), event.card().toMarkdown().getBytes(StandardCharsets.UTF_8));
                }
            }
            case SET_STAGE -> {
                for (Integer archived : event.archived()) {
                    Path file = versionDir(event.model(), archived).resolve("version.json");
                    ModelVersion stored = ResultJson.read(file, ModelVersion.class);
                    ResultJson.write(file, stored.withStage(io.jenkins.plugins.mldelivery.core.registry.Stage.ARCHIVED));
                }
                ResultJson.write(versionDir(event.model(), event.version()).resolve("version.json"), event.document());
            }
            default -> {
                // alias moves change only the model document
            }
        }
        ResultJson.write(modelDir(event.model()).resolve("model.json"), before.apply(event));
    }

    /** Returns the version as stored: a source inside the version's directory becomes relative to it. */
    ModelVersion stored(final ModelVersion version) {
        Path dir = versionDir(version.model(), version.version()).toAbsolutePath().normalize();
        if (URI_SCHEME.matcher(version.source()).matches()) {
            return version;
        }
        Path source = Path.of(version.source()).toAbsolutePath().normalize();
        if (!source.startsWith(dir)) {
            return version;
        }
        String relative = dir.relativize(source).toString().replace('\\', '/');
        return copyWithSource(version, relative.isEmpty() ? "." : relative);
    }

    private ModelVersion resolved(final ModelVersion version) {
        String source = version.source();
        if (URI_SCHEME.matcher(source).matches() || Path.of(source).isAbsolute()) {
            return version;
        }
        Path dir = versionDir(version.model(), version.version()).toAbsolutePath().normalize();
        return copyWithSource(version, dir.resolve(source).normalize().toString());
    }

    private static ModelVersion copyWithSource(final ModelVersion v, final String source) {
        return new ModelVersion(v.model(), v.version(), source, v.runId(), v.build(), v.idempotencyKey(), v.metrics(),
                v.params(), v.lineage(), v.artifacts(), v.tags(), v.stage(), v.createdBy(), v.createdAt());
    }
}
