package io.jenkins.plugins.mldelivery.core.canary;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowApiException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowCredentials;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Puts the model files of registry versions where a replay's scoring command can load them. The
 * registry records where a version's files are as a URI: a path (the embedded registry), a
 * {@code file:} URI (MLflow with a local artifact store: used where it is), or an
 * {@code mlflow-artifacts:} URI (MLflow's artifact proxy, the default of {@code mlflow server}:
 * downloaded through the server's REST API, a file or a whole model directory, into
 * {@code .STATE.models/} beside the state file, once per version, since a version's files never
 * change). MLflow's own indirections, {@code runs:/} and {@code models:/} sources, are resolved
 * with {@code model-versions/get-download-uri}, as MLflow's own client resolves them. A store the
 * canary cannot read (S3, GCS, …) is refused before the rollout starts, with what to do instead.
 */
final class RegistryModelFiles {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts";

    private RegistryModelFiles() {
        // static resolution only
    }

    /**
     * Returns the plan with each side's model as a local path, for a replay whose versions come from a registry.
     *
     * @param plan      the plan, its identities resolved
     * @param stateFile the rollout's state file; downloads go beside it
     * @return the plan whose model files the scoring command can open; the same plan when nothing is remote
     * @throws BadInputException for a source in a store the canary cannot read, or one MLflow does not have
     * @throws ExternalSystemException when MLflow cannot be reached
     */
    static RolloutPlan local(final RolloutPlan plan, final Path stateFile) {
        if (!(plan.source() instanceof SourceSpec.Replay) || plan.registry() == null) {
            return plan;
        }
        ModelIdentity stable = local(plan, "stable", plan.stable(), stateFile);
        ModelIdentity canary = local(plan, "canary", plan.canary(), stateFile);
        return stable == plan.stable() && canary == plan.canary() ? plan : plan.withIdentities(stable, canary);
    }

    private static ModelIdentity local(final RolloutPlan plan, final String role, final ModelIdentity identity, final Path stateFile) {
        String model = identity.model();
        if (model == null || !SCHEME.matcher(model).matches()) {
            return identity; // a path: given in the plan, or the embedded registry's
        }
        RegistryUri registry = RegistryUri.parse(plan.registry());
        Path cache = cache(stateFile, registry, plan.model(), identity.version(), model);
        Optional<Path> downloaded = downloaded(cache);
        if (downloaded.isPresent()) {
            // no question to the server: a rerun over a finished rollout must not need it
            return new ModelIdentity(identity.version(), downloaded.get().toString(), identity.alias(), identity.previous());
        }
        MlflowClient client = registry.kind() == RegistryUri.Kind.MLFLOW ? client(registry) : null;
        String uri = model;
        String scheme = String.valueOf(URI.create(uri).getScheme());
        if (("runs".equals(scheme) || "models".equals(scheme)) && client != null && identity.version().matches("[1-9][0-9]*")) {
            // MLflow's own indirections: the server says where the registered version's files are
            uri = downloadUri(client, plan.model(), identity.version()).orElse(model);
            scheme = String.valueOf(URI.create(uri).getScheme());
        }
        Path path;
        if ("file".equals(scheme)) {
            path = Path.of(URI.create(uri));
        }
        else if ("mlflow-artifacts".equals(scheme) && client != null) {
            path = download(client, URI.create(uri).getPath(), uri, cache);
        }
        else {
            throw new BadInputException(plan.file() + ": " + role + ": version " + identity.describe() + " of '" + plan.model()
                    + "' keeps its model at " + uri + ", a store the canary cannot read (" + scheme + "); give the model file"
                    + " in the plan (" + role + ": {version: " + identity.version() + ", model: PATH}) or register it through"
                    + " MLflow's artifact proxy");
        }
        return new ModelIdentity(identity.version(), path.toString(), identity.alias(), identity.previous());
    }

    private static MlflowClient client(final RegistryUri registry) {
        return MlflowClient.at(registry.server()).withCredentials(MlflowCredentials.fromEnvironment(System.getenv())).build();
    }

    private static Optional<String> downloadUri(final MlflowClient client, final String model, final String version) {
        JsonNode answer = client.get("model-versions/get-download-uri", Map.of("name", model, "version", version));
        String uri = answer.path("artifact_uri").asText("");
        return uri.isBlank() ? Optional.empty() : Optional.of(uri);
    }

    /** Where a version's files are kept once downloaded: {@code .STATE.models/MODEL-vN-HASH}, the hash naming registry and source. */
    private static Path cache(final Path stateFile, final RegistryUri registry, final String model, final String version,
            final String source) {
        Path absolute = stateFile.toAbsolutePath();
        String registryHash = FileDigest.sha256Hex((registry + " " + source).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return absolute.resolveSibling("." + absolute.getFileName() + ".models")
                .resolve(model.replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + version + "-" + registryHash);
    }

    /** Returns the file or directory downloaded into a complete cache entry (it holds exactly one). */
    private static Optional<Path> downloaded(final Path cache) {
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            List<Path> all = entries.toList();
            return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Downloads a version's files into a new directory, then renames it to its cache entry, so an entry is always complete. */
    private static Path download(final MlflowClient client, final String path, final String uri, final Path cache) {
        String relative = path.replaceAll("^/+", "");
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        Path part = cache.resolveSibling(cache.getFileName() + ".part-" + UUID.randomUUID());
        try {
            Files.createDirectories(part);
            download(client, relative, part.resolve(name), uri);
            try {
                Files.move(part, cache, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(part, cache);
            }
            catch (IOException e) {
                if (downloaded(cache).isEmpty()) {
                    throw e;
                }
                // another rollout of the same version downloaded it at the same time: its copy is as good
            }
            return cache.resolve(name);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot keep the model of " + uri + " in " + cache.getParent() + ": " + e.getMessage(), e);
        }
        finally {
            deleteTree(part);
        }
    }

    /** Downloads an artifact: a directory (listed by the proxy) file by file, else the one file. */
    private static void download(final MlflowClient client, final String relative, final Path target, final String uri)
            throws IOException {
        JsonNode files = client.get(ARTIFACTS, Map.of("path", relative)).path("files");
        if (!files.isArray() || files.isEmpty()) {
            downloadFile(client, relative, target, uri);
            return;
        }
        Files.createDirectories(target);
        for (JsonNode file : files) {
            String child = file.path("path").asText();
            String childRelative = relative + "/" + child;
            if (file.path("is_dir").asBoolean(false)) {
                download(client, childRelative, target.resolve(child), uri);
            }
            else {
                downloadFile(client, childRelative, target.resolve(child), uri);
            }
        }
    }

    private static void downloadFile(final MlflowClient client, final String relative, final Path target, final String uri)
            throws IOException {
        String encoded = Arrays.stream(relative.split("/")).map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8)
                .replace("+", "%20")).collect(Collectors.joining("/"));
        Files.createDirectories(target.getParent());
        try {
            client.download(ARTIFACTS + "/" + encoded, target);
        }
        catch (MlflowApiException e) {
            if (e.status() == 404) {
                throw new BadInputException("MLflow " + client.baseUri() + " has no artifact " + relative + " (the model of " + uri + ")");
            }
            throw e;
        }
    }

    private static void deleteTree(final Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            // a leftover partial download is replaced by the next attempt; it must not hide the rollout's outcome
        }
    }
}
