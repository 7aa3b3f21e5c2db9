package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowApiException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.AliasHistory;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelArtifact;
import io.jenkins.plugins.mldelivery.core.registry.ModelCard;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.NameRules;
import io.jenkins.plugins.mldelivery.core.registry.RegisteredModel;
import io.jenkins.plugins.mldelivery.core.registry.Stage;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MLflow's model registry through its REST API (the MLflow Java client knows no aliases). Aliases
 * are resolved with the get-by-alias call, never by searching versions (search answers with empty
 * aliases on some backends). MLflow keeps no history of alias moves, so each move is recorded as a
 * registered-model tag {@code mld.alias_history.ALIAS.MILLIS.NONCE} whose value is the move as JSON.
 * Moves of one model's aliases take turns ({@link MlflowAliasLock}), so the recorded history stays
 * consistent with the alias under concurrent promotions; a move made with another tool is noticed
 * (an {@code OUTSIDE} move) when the history is read, and recorded by the next move.
 */
public final class MlflowModelRegistry implements ModelRegistry {
    /** The experiment that holds the runs created to upload model files. */
    public static final String DEFAULT_EXPERIMENT = "ml-delivery-models";

    private static final String HISTORY_PREFIX = "mld.alias_history.";
    private static final String PAGE_SIZE = "200";

    private final MlflowClient client;
    private final Clock clock;
    private final Duration readyTimeout;
    private final MlflowRunUpload upload;
    private final MlflowHistory history;
    private final MlflowLookups lookups;
    private final MlflowAliasMoves aliasMoves;

    /**
     * Creates a registry over a transport.
     *
     * @param client       the transport to the server
     * @param experiment   the experiment for the runs that carry uploaded model files
     * @param clock        the clock that dates alias moves
     * @param readyTimeout how long to wait for a new version to become {@code READY}
     */
    public MlflowModelRegistry(final MlflowClient client, final String experiment, final Clock clock, final Duration readyTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
        this.upload = new MlflowRunUpload(client, experiment, clock);
        this.history = new MlflowHistory(client);
        this.lookups = new MlflowLookups(client);
        this.aliasMoves = new MlflowAliasMoves(client, clock, history, lookups, "mlflow:" + client.baseUri());
    }

    /**
     * Creates a registry with the default experiment, the system clock and a five-minute wait for {@code READY}.
     *
     * @param client the transport to the server
     */
    public MlflowModelRegistry(final MlflowClient client) {
        this(client, DEFAULT_EXPERIMENT, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    @Override
    public String uri() {
        return "mlflow:" + client.baseUri();
    }

    @Override
    public ModelVersion register(final VersionRequest request) {
        String model = name(request.model());
        if (request.retryKey() != null) {
            Optional<ModelVersion> earlier = registeredWith(model, request.retryKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String source = request.source();
        String runId = request.runId();
        List<ModelArtifact> artifacts = List.of();
        if (!request.artifacts().isEmpty()) {
            MlflowRunUpload.Uploaded uploaded = upload.upload(request);
            source = uploaded.source();
            runId = uploaded.runId();
            artifacts = uploaded.artifacts();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", model);
        body.put("source", source);
        if (runId != null) {
            body.put("run_id", runId);
        }
        if (request.registeredBy().build() != null) {
            body.put("run_link", request.registeredBy().build());
        }
        body.put("tags", MlflowTags.list(MlflowTags.of(request, artifacts)));
        // The model is created only once its files are in place, and removed again when its first
        // version cannot be created: a failed promotion leaves no empty model in the registry.
        boolean createdModel = createModelIfAbsent(model);
        JsonNode created;
        try {
            created = client.post("model-versions/create", body).path("model_version");
        }
        catch (RuntimeException e) {
            if (createdModel) {
                deleteIfEmpty(model, e);
            }
            throw e;
        }
        int number = Integer.parseInt(created.path("version").asText());
        ModelVersion version = MlflowTags.toVersion(awaitReady(model, number, created), null);
        ModelCard card = ModelCard.of(version, request);
        client.patch("model-versions/update", Map.of("name", model, "version", String.valueOf(number),
                "description", card.toMarkdown()));
        String cardJson = MlflowTags.json(card);
        if (cardJson.length() <= MlflowTags.MAX_VALUE_LENGTH) {
            setVersionTag(model, number, MlflowTags.MODEL_CARD, cardJson);
        }
        return version;
    }

    @Override
    public Optional<ModelVersion> findVersion(final String model, final int version) {
        return lookups.versionNode(name(model), version).map(lookups::withRunData);
    }

    @Override
    public ModelVersion version(final String model, final int version) {
        requireModel(name(model));
        return findVersion(model, version).orElseThrow(() -> new BadInputException(
                "registry " + uri() + ": model '" + model + "' has no version " + version));
    }

    @Override
    public Optional<ModelVersion> resolveAlias(final String model, final String alias) {
        return lookups.aliasNode(name(model), NameRules.alias(alias)).map(lookups::withRunData);
    }

    private Integer currentVersion(final String model, final String alias) {
        return lookups.aliasNode(model, alias).map(node -> Integer.parseInt(node.path("version").asText())).orElse(null);
    }

    @Override
    public Optional<RegisteredModel> findModel(final String model) {
        return lookups.modelNode(name(model)).map(node -> {
            Map<String, Integer> aliases = new TreeMap<>();
            for (JsonNode alias : node.path("aliases")) {
                aliases.put(alias.path("alias").asText(), Integer.parseInt(alias.path("version").asText()));
            }
            int latest = 0;
            for (JsonNode version : node.path("latest_versions")) {
                latest = Math.max(latest, Integer.parseInt(version.path("version").asText()));
            }
            return new RegisteredModel(node.path("name").asText(), Instant.ofEpochMilli(node.path("creation_timestamp").asLong()),
                    latest, new TreeMap<>(aliases));
        });
    }

    @Override
    public List<String> models() {
        List<String> names = new ArrayList<>();
        String token = "";
        do {
            Map<String, String> query = new LinkedHashMap<>(Map.of("max_results", PAGE_SIZE));
            if (!token.isEmpty()) {
                query.put("page_token", token);
            }
            JsonNode page = client.get("registered-models/search", query);
            page.path("registered_models").forEach(model -> names.add(model.path("name").asText()));
            names.removeIf(name -> name.startsWith(MlflowAliasLock.PREFIX));
            token = page.path("next_page_token").asText("");
        }
        while (!token.isEmpty());
        return names.stream().sorted().toList();
    }

    @Override
    public List<ModelVersion> versions(final String model) {
        requireModel(name(model));
        List<ModelVersion> versions = new ArrayList<>();
        String token = "";
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("filter", "name='" + model + "'");
            query.put("max_results", PAGE_SIZE);
            if (!token.isEmpty()) {
                query.put("page_token", token);
            }
            JsonNode page = client.get("model-versions/search", query);
            page.path("model_versions").forEach(node -> versions.add(MlflowTags.toVersion(node, null)));
            token = page.path("next_page_token").asText("");
        }
        while (!token.isEmpty());
        versions.sort(Comparator.comparingInt(ModelVersion::version));
        return versions;
    }

    @Override
    public AliasMove setAlias(final String model, final String alias, final int version, final ChangeNote note) {
        requireVersion(name(model), version);
        NameRules.alias(alias);
        return aliasMoves.make(model, alias, (current, past) -> {
            if (Objects.equals(current, version)) {
                Optional<AliasMove> earlier = new AliasHistory(past).lastMoveTo(version);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            return AliasMove.of(model, alias, AliasMove.Action.SET, current, version, note, clock.instant());
        });
    }

    @Override
    public AliasMove removeAlias(final String model, final String alias, final ChangeNote note) {
        requireModel(name(model));
        NameRules.alias(alias);
        return aliasMoves.make(model, alias, (current, past) -> {
            if (current == null) {
                throw new BadInputException("registry " + uri() + ": model '" + model + "' has no alias '" + alias + "'");
            }
            return AliasMove.of(model, alias, AliasMove.Action.REMOVE, current, null, note, clock.instant());
        });
    }

    @Override
    public List<AliasMove> aliasHistory(final String model, final String alias) {
        if (alias != null) {
            NameRules.alias(alias);
        }
        return history.read(requireModel(name(model)), alias, name -> currentVersion(model, name));
    }

    @Override
    public AliasMove rollback(final String model, final String alias, final ChangeNote note) {
        requireModel(name(model));
        NameRules.alias(alias);
        return aliasMoves.make(model, alias, (current, past) -> {
            int target = new AliasHistory(past).requireRollbackTarget(uri(), model, alias);
            requireVersion(model, target);
            return AliasMove.of(model, alias, AliasMove.Action.ROLLBACK, current, target, note, clock.instant());
        });
    }

    @Override
    public ModelVersion setStage(final String model, final int version, final Stage stage, final boolean archiveExisting,
            final ChangeNote note) {
        requireVersion(name(model), version);
        JsonNode node = client.post("model-versions/transition-stage", Map.of("name", model, "version", String.valueOf(version),
                "stage", stage.mlflowName(), "archive_existing_versions", archiveExisting)).path("model_version");
        return MlflowTags.toVersion(node, null);
    }

    @Override
    public Optional<ModelCard> card(final String model, final int version) {
        return lookups.versionNode(name(model), version).flatMap(node -> {
            for (JsonNode tag : node.path("tags")) {
                if (MlflowTags.MODEL_CARD.equals(tag.path("key").asText())) {
                    return Optional.ofNullable(MlflowTags.read(tag.path("value").asText(), new TypeReference<ModelCard>() { }));
                }
            }
            return Optional.empty();
        });
    }

    private Optional<ModelVersion> registeredWith(final String model, final String key) {
        if (lookups.modelNode(model).isEmpty()) {
            return Optional.empty();
        }
        JsonNode found = client.get("model-versions/search", Map.of("filter", "name='" + model + "' and tags.`"
                + MlflowTags.IDEMPOTENCY_SHA256 + "`='" + MlflowTags.sha256(key) + "'", "max_results", "10"));
        JsonNode first = null;
        for (JsonNode node : found.path("model_versions")) {
            if (first == null || node.path("version").asInt() < first.path("version").asInt()) {
                first = node;
            }
        }
        return first == null ? Optional.empty() : findVersion(model, first.path("version").asInt());
    }

    /** Removes a model this registration created, unless a racing promoter registered a version into it meanwhile. */
    private void deleteIfEmpty(final String model, final RuntimeException cause) {
        try {
            if (client.get("model-versions/search", Map.of("filter", "name='" + model + "'")).path("model_versions").isEmpty()) {
                client.delete("registered-models/delete", Map.of("name", model));
            }
        }
        catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private boolean createModelIfAbsent(final String model) {
        try {
            client.post("registered-models/create", Map.of("name", model));
            return true;
        }
        catch (MlflowApiException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            return false;
        }
    }

    private JsonNode awaitReady(final String model, final int version, final JsonNode created) {
        Instant deadline = clock.instant().plus(readyTimeout);
        JsonNode node = created;
        long pause = 100;
        while (!"READY".equals(node.path("status").asText("READY"))) {
            String status = node.path("status").asText();
            if ("FAILED_REGISTRATION".equals(status)) {
                throw new ExternalSystemException("registry " + uri() + ": MLflow failed to register " + model + " v" + version
                        + ": " + node.path("status_message").asText("no reason given"));
            }
            if (clock.instant().isAfter(deadline)) {
                throw new ExternalSystemException("registry " + uri() + ": " + model + " v" + version + " is still "
                        + status + " after " + readyTimeout.toSeconds() + " s");
            }
            sleep(pause);
            pause = Math.min(pause * 2, 5000);
            node = lookups.versionNode(model, version).orElseThrow(() -> new ExternalSystemException(
                    "registry " + uri() + ": " + model + " v" + version + " disappeared while it was being registered"));
        }
        return node;
    }

    private JsonNode requireModel(final String model) {
        return lookups.modelNode(model).orElseThrow(() -> new BadInputException("registry " + uri() + ": no model '" + model + "'"));
    }

    private void requireVersion(final String model, final int version) {
        requireModel(model);
        if (lookups.versionNode(model, version).isEmpty()) {
            throw new BadInputException("registry " + uri() + ": model '" + model + "' has no version " + version);
        }
    }

    private void setVersionTag(final String model, final int version, final String key, final String value) {
        client.post("model-versions/set-tag", Map.of("name", model, "version", String.valueOf(version), "key", key, "value", value));
    }

    /** MLflow accepts more names than the embedded registry; a quote would break its search filters. */
    private static String name(final String model) {
        if (model == null || model.isBlank() || model.contains("'")) {
            throw new BadInputException("model name '" + model + "': must not be blank or contain a quote");
        }
        return model;
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalSystemException("interrupted while waiting for MLflow", e);
        }
    }
}
