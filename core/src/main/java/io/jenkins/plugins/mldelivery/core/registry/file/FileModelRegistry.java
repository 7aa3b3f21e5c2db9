package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.registry.AliasHistory;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelCard;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.NameRules;
import io.jenkins.plugins.mldelivery.core.registry.RegisteredModel;
import io.jenkins.plugins.mldelivery.core.registry.Stage;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded registry: a directory of JSON documents and an append-only audit log. Every change
 * takes the registry's file lock, finishes a change a crashed process may have left half applied,
 * appends its audit line (forced to disk: the commit point), then replaces the documents
 * atomically. So any number of processes may promote at once, a process killed at any instant
 * loses only its own uncommitted change, and readers always see a consistent registry.
 */
public final class FileModelRegistry implements ModelRegistry {
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final Path root;
    private final Clock clock;
    private final RegistryDirectory directory;
    private final AuditLog log;

    /**
     * Opens the registry in a directory; its first registration creates it. Reading a directory
     * that does not exist is refused, and reads never write.
     *
     * @param root  the directory
     * @param clock the clock that dates changes
     */
    public FileModelRegistry(final Path root, final Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.directory = new RegistryDirectory(this.root);
        this.log = new AuditLog(this.root);
    }

    /**
     * Opens the registry in a directory, dating changes by the system clock.
     *
     * @param root the directory
     */
    public FileModelRegistry(final Path root) {
        this(root, Clock.systemUTC());
    }

    @Override
    public String uri() {
        return "file:" + root;
    }

    /**
     * Returns the audit log's file (JSON lines), for auditors and tests.
     *
     * @return the file
     */
    public Path auditLog() {
        return log.file();
    }

    @Override
    public ModelVersion register(final VersionRequest request) {
        String model = NameRules.model(request.model());
        String key = request.retryKey();
        if (key != null && Files.isDirectory(root)) {
            Optional<ModelVersion> earlier = read(() -> registeredWith(model, key));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try (StagedArtifacts staged = request.artifacts().isEmpty() ? null
                : StagedArtifacts.copy(root, uri(), request.artifactRoot(), request.artifacts())) {
            return create(() -> {
                Optional<ModelVersion> raced = key == null ? Optional.empty() : registeredWith(model, key);
                if (raced.isPresent()) {
                    return raced.get();
                }
                int number = directory.model(model).map(ModelDocument::latestVersion).orElse(0) + 1;
                String source = staged == null ? absolute(request.source())
                        : staged.placeIn(directory.versionDir(model, number), request.source()).toString();
                Instant now = clock.instant();
                ModelVersion version = new ModelVersion(model, number, source, request.runId(),
                        request.registeredBy().build(), key, request.metrics(), request.params(), request.lineage(),
                        staged == null ? List.of() : staged.artifacts(), request.tags(), Stage.NONE,
                        request.registeredBy().who(), now);
                commit(AuditEvent.registration(directory.stored(version), ModelCard.of(version, request),
                        request.registeredBy(), now));
                return version;
            });
        }
    }

    @Override
    public Optional<ModelVersion> findVersion(final String model, final int version) {
        NameRules.model(model);
        return read(() -> directory.version(model, version));
    }

    @Override
    public ModelVersion version(final String model, final int version) {
        NameRules.model(model);
        return read(() -> {
            requireVersion(model, version);
            return directory.version(model, version).orElseThrow();
        });
    }

    @Override
    public Optional<ModelVersion> resolveAlias(final String model, final String alias) {
        NameRules.model(model);
        NameRules.alias(alias);
        return read(() -> directory.model(model).map(document -> document.aliases().get(alias))
                .flatMap(version -> directory.version(model, version)));
    }

    @Override
    public Optional<RegisteredModel> findModel(final String model) {
        NameRules.model(model);
        return read(() -> directory.model(model).map(ModelDocument::toRegisteredModel));
    }

    @Override
    public List<String> models() {
        return read(directory::modelNames);
    }

    @Override
    public List<ModelVersion> versions(final String model) {
        NameRules.model(model);
        return read(() -> {
            ModelDocument document = requireModel(model);
            List<ModelVersion> versions = new ArrayList<>();
            for (int number = 1; number <= document.latestVersion(); number++) {
                directory.version(model, number).ifPresent(versions::add);
            }
            return versions;
        });
    }

    @Override
    public AliasMove setAlias(final String model, final String alias, final int version, final ChangeNote note) {
        NameRules.model(model);
        NameRules.alias(alias);
        return write(() -> {
            ModelDocument document = requireVersion(model, version);
            Integer current = document.aliases().get(alias);
            if (Objects.equals(current, version)) {
                Optional<AliasMove> earlier = new AliasHistory(history(model, alias)).lastMoveTo(version);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            return commitMove(AliasMove.of(model, alias, AliasMove.Action.SET, current, version, note, clock.instant()));
        });
    }

    @Override
    public AliasMove removeAlias(final String model, final String alias, final ChangeNote note) {
        NameRules.model(model);
        NameRules.alias(alias);
        return write(() -> {
            Integer current = requireModel(model).aliases().get(alias);
            if (current == null) {
                throw new BadInputException("registry " + uri() + ": model '" + model + "' has no alias '" + alias + "'");
            }
            return commitMove(AliasMove.of(model, alias, AliasMove.Action.REMOVE, current, null, note, clock.instant()));
        });
    }

    @Override
    public List<AliasMove> aliasHistory(final String model, final String alias) {
        NameRules.model(model);
        if (alias != null) {
            NameRules.alias(alias);
        }
        return read(() -> {
            requireModel(model);
            return history(model, alias);
        });
    }

    @Override
    public AliasMove rollback(final String model, final String alias, final ChangeNote note) {
        NameRules.model(model);
        NameRules.alias(alias);
        return write(() -> {
            Integer current = requireModel(model).aliases().get(alias);
            int target = new AliasHistory(history(model, alias)).requireRollbackTarget(uri(), model, alias);
            return commitMove(AliasMove.of(model, alias, AliasMove.Action.ROLLBACK, current, target, note, clock.instant()));
        });
    }

    @Override
    public ModelVersion setStage(final String model, final int version, final Stage stage, final boolean archiveExisting,
            final ChangeNote note) {
        NameRules.model(model);
        return write(() -> {
            ModelDocument document = requireVersion(model, version);
            List<Integer> archived = new ArrayList<>();
            if (archiveExisting && stage != Stage.NONE && stage != Stage.ARCHIVED) {
                for (int number = 1; number <= document.latestVersion(); number++) {
                    int other = number;
                    if (other != version && directory.version(model, other).map(v -> v.stage() == stage).orElse(false)) {
                        archived.add(other);
                    }
                }
            }
            ModelVersion changed = directory.version(model, version).orElseThrow().withStage(stage);
            commit(AuditEvent.stageChange(directory.stored(changed), archived, note, clock.instant()));
            return changed;
        });
    }

    @Override
    public Optional<ModelCard> card(final String model, final int version) {
        NameRules.model(model);
        return read(() -> directory.card(model, version));
    }

    private Optional<ModelVersion> registeredWith(final String model, final String key) {
        return directory.model(model).map(document -> document.idempotencyKeys().get(key))
                .flatMap(number -> directory.version(model, number));
    }

    private ModelDocument requireModel(final String model) {
        return directory.model(model).orElseThrow(() -> new BadInputException(
                "registry " + uri() + ": no model '" + model + "'" + known()));
    }

    private ModelDocument requireVersion(final String model, final int version) {
        ModelDocument document = requireModel(model);
        if (version < 1 || version > document.latestVersion()) {
            throw new BadInputException("registry " + uri() + ": model '" + model + "' has no version " + version
                    + " (versions 1 to " + document.latestVersion() + ")");
        }
        return document;
    }

    private String known() {
        List<String> names = directory.modelNames();
        return names.isEmpty() ? " (the registry is empty)" : " (models: " + String.join(", ", names) + ")";
    }

    private List<AliasMove> history(final String model, final String alias) {
        return log.read(event -> event.model().equals(model) && event.movesAlias()
                        && (alias == null || alias.equals(event.alias())))
                .stream().map(AuditEvent::toAliasMove).toList();
    }

    private AliasMove commitMove(final AliasMove move) {
        commit(AuditEvent.aliasMove(move));
        return move;
    }

    /** Appends the event (the commit point), then brings the documents up to it. */
    private void commit(final AuditEvent event) {
        AuditEvent numbered = event.withSeq(log.last().map(AuditEvent::seq).orElse(0L) + 1);
        log.append(numbered);
        directory.apply(numbered);
    }

    /** Finishes the change of a process that died between its audit line and its documents. */
    private void recover() {
        log.cutIncompleteTail();
        log.last().filter(last -> !directory.isApplied(last)).ifPresent(directory::apply);
    }

    /** Changes an existing registry: only a registration creates one. */
    private <T> T write(final Action<T> action) {
        requireRegistry();
        return create(action);
    }

    /** Changes the registry, creating its directory when it is the first registration. */
    private <T> T create(final Action<T> action) {
        try (RegistryLock lock = RegistryLock.forWriting(root, uri())) {
            recover();
            return action.run();
        }
    }

    /** Reads without writing anything: a lock is taken only on a lock file that is already there. */
    private <T> T read(final Action<T> action) {
        requireRegistry();
        try (RegistryLock lock = RegistryLock.forReading(root)) {
            if (lock.canWrite()) {
                recover();
            }
            else if (log.last().filter(last -> !directory.isApplied(last)).isPresent()) {
                throw new BadInputException("registry " + uri() + ": a crashed process left a change half applied; "
                        + "open the registry once with write access to finish it");
            }
            return action.run();
        }
    }

    /**
     * Refuses a directory that is not a registry, so that a mistyped path is not read as an empty
     * registry ("no champion yet", "0 models"). An empty directory is an empty registry.
     */
    private void requireRegistry() {
        if (!Files.isDirectory(root)) {
            throw new BadInputException("registry " + uri() + ": registry directory " + root
                    + (Files.exists(root) ? " is not a directory" : " does not exist")
                    + " (a promotion creates a registry; check the path, or create the directory for an empty registry)");
        }
        if (!Files.exists(root.resolve(RegistryLock.FILE_NAME)) && !Files.isDirectory(root.resolve("models"))
                && !Files.isDirectory(root.resolve(".staging")) && !isEmpty(root)) {
            throw new BadInputException("registry " + uri() + ": " + root + " is not a registry (it holds neither "
                    + RegistryLock.FILE_NAME + " nor models/, and is not empty); check the path");
        }
    }

    private static boolean isEmpty(final Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    private static String absolute(final String source) {
        if (URI_SCHEME.matcher(source).matches()) {
            return source;
        }
        return Path.of(source).toAbsolutePath().normalize().toString();
    }

    /** A piece of work done under the registry's lock. */
    @FunctionalInterface
    private interface Action<T> {
        T run();
    }
}
