package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code promote} step: checks the gate's verdict, registers a train result's model when given
 * one (copying its files into the registry, or by location under a source prefix; with its model
 * card), and moves the alias. A failed gate stops the promotion unless forced,
 * and the result says so.
 */
public final class Promotion {
    private final ModelRegistry registry;
    private final Clock clock;

    /**
     * Creates the step over a registry.
     *
     * @param registry the registry
     * @param clock    the clock that times the step
     */
    public Promotion(final ModelRegistry registry, final Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Promotes.
     *
     * @param request what to promote
     * @return the result; {@code FAILED} when the gate failed and the promotion was not forced
     * @throws BadInputException for unknown models or versions and unreadable inputs
     */
    public PromoteResult promote(final PromoteRequest request) {
        Instant start = clock.instant();
        NameRules.alias(request.alias());
        List<InputIdentity> inputs = new ArrayList<>();
        GateSummary gate = null;
        if (request.gateResult() != null) {
            inputs.add(InputIdentity.of(request.gateResult()));
            gate = GateSummary.read(request.gateResult());
        }
        boolean gateFailed = gate != null && gate.failed();
        String verdict = gate == null ? null : gate.verdict();
        ChangeNote note = request.note();
        if (gateFailed && !request.force()) {
            return new PromoteResult(Status.FAILED, registry.uri(), request.model(), request.version(), request.alias(),
                    currentVersion(request), false, false, verdict, null, note.who(), note.build(), note.reason(),
                    "the gate result " + request.gateResult() + " is " + verdict + "; " + request.model() + " was not promoted to '"
                            + request.alias() + "' (use --force to promote anyway)",
                    Timing.since(start, clock), inputs);
        }
        ModelVersion version;
        if (request.version() == null) {
            if (request.trainResult() != null) {
                inputs.add(0, InputIdentity.of(request.trainResult()));
            }
            version = registry.register(versionRequest(request, gate, inputs));
        }
        else {
            version = registry.version(request.model(), request.version());
        }
        if (gateFailed) {
            note = note.because((note.reason() == null ? "" : note.reason() + " ") + "(forced past a " + verdict + " gate)");
        }
        AliasMove move = registry.setAlias(request.model(), request.alias(), version.version(), note);
        return new PromoteResult(gateFailed ? Status.WARNING : Status.PASSED, registry.uri(), request.model(), version.version(),
                request.alias(), move.fromVersion(), true, gateFailed, verdict, version.source(), note.who(), note.build(),
                note.reason(), null, Timing.since(start, clock), inputs);
    }

    private VersionRequest versionRequest(final PromoteRequest request, final GateSummary gate, final List<InputIdentity> inputs) {
        String prefix = request.sourcePrefix();
        TrainResultFile train = request.trainResultJson() != null ? TrainResultFile.parse(request.trainResultJson(), "the train result")
                : prefix != null ? TrainResultFile.readWithoutFiles(request.trainResult()) : TrainResultFile.read(request.trainResult());
        VersionRequest.Builder builder = VersionRequest.forModel(request.model()).withRunId(train.runId())
                .withMetrics(train.metrics()).withParams(train.params()).withLineage(train.lineage()).withTags(request.tags())
                .withIdempotencyKey(request.idempotencyKey()).withGate(gate)
                .registeredBy(new ChangeNote(request.note().who(), request.note().build(), null));
        if (prefix != null) {
            builder.withSource(prefix + (train.modelFile() == null ? "" : train.modelFile()));
        }
        else {
            builder.withArtifacts(train.root(), train.artifacts()).withSource(train.modelFile());
        }
        if (request.cardTemplate() != null) {
            inputs.add(InputIdentity.of(request.cardTemplate()));
            builder.withIntendedUse(readText(request.cardTemplate()));
        }
        Path profile = request.dataProfile() != null ? request.dataProfile() : train.profile();
        if (profile != null) {
            if (request.dataProfile() != null) {
                inputs.add(InputIdentity.of(profile));
            }
            builder.withDataProfile(DataProfileSummary.read(profile));
        }
        return builder.build();
    }

    private Integer currentVersion(final PromoteRequest request) {
        try {
            return registry.resolveAlias(request.model(), request.alias()).map(ModelVersion::version).orElse(null);
        }
        catch (BadInputException e) {
            return null; // no registry yet: the gate's verdict is the answer, and nothing was promoted
        }
    }

    private static String readText(final Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        }
        catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
