package io.jenkins.plugins.mldelivery.core.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.StepRecords;
import io.jenkins.plugins.mldelivery.core.result.TrainRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a promotion takes from a train result ({@code ml-delivery train --json}): metrics, parameters,
 * lineage, the model files and where they are, and the MLflow run the training logged to. Read from
 * the JSON contract only, so the registry does not depend on the training's classes.
 *
 * @param file       the train result file, or {@code null} when it was given as JSON text
 * @param metrics    the metrics
 * @param params     the parameters, each as text (lists and maps as JSON)
 * @param lineage    the lineage
 * @param artifacts  the model files and data profiles, relative to {@code root}
 * @param root       the directory the artifacts' paths are relative to, or {@code null} when not looked for
 * @param modelFile  the model among the artifacts: the directory of the one MLflow model there (the directory
 *                   holding an {@code MLmodel} file, as {@code mlflow.sklearn.save_model} writes it), else the model
 *                   file when there is exactly one, else {@code null}
 * @param profile    a data profile among the artifacts, or {@code null}
 * @param runId      the MLflow run the training logged to, or {@code null}
 */
public record TrainResultFile(Path file, Map<String, Double> metrics, Map<String, String> params, ModelLineage lineage,
        List<ModelArtifact> artifacts, Path root, String modelFile, Path profile, String runId) {
    private static final String PROFILES = "profiles/";
    private static final String MLMODEL = "MLmodel";

    /**
     * Reads a train result and finds its model files.
     *
     * @param file the file
     * @return what a promotion needs from it
     * @throws BadInputException when the file is missing, malformed, failed, or its files cannot be found
     */
    public static TrainResultFile read(final Path file) {
        return of(ResultJson.read(file, JsonNode.class), file, file.toString(), true);
    }

    /**
     * Reads a train result without looking for its model files (they are registered by location,
     * e.g. as a Jenkins build's archived artifacts); {@link #root()} and {@link #profile()} are {@code null}.
     *
     * @param file the file
     * @return what a promotion needs from it
     */
    public static TrainResultFile readWithoutFiles(final Path file) {
        return of(ResultJson.read(file, JsonNode.class), file, file.toString(), false);
    }

    /**
     * Parses a train result given as JSON text (as a Jenkins build keeps it), without looking for its files.
     *
     * @param json the train result's JSON
     * @param name what to call it in messages
     * @return what a promotion needs from it
     */
    public static TrainResultFile parse(final String json, final String name) {
        try {
            return of(ResultJson.mapper().readTree(json), null, name, false);
        }
        catch (JsonProcessingException e) {
            throw new BadInputException(name + ": not JSON: " + e.getOriginalMessage());
        }
    }

    private static TrainResultFile of(final JsonNode root, final Path file, final String name, final boolean locate) {
        TrainRecord train = StepRecords.of(name, root, TrainRecord.class);
        if (train.failed()) {
            throw new BadInputException(name + ": the training FAILED (" + (train.failure() == null ? "no reason given" : train.failure())
                    + "); there is no model to promote");
        }
        Map<String, String> params = new LinkedHashMap<>();
        train.params().forEach((key, value) -> params.put(key, value.isValueNode() ? value.asText() : value.toString()));
        List<ModelArtifact> artifacts = train.artifacts().stream()
                .map(artifact -> new ModelArtifact(artifact.path(), artifact.bytes(), artifact.sha256())).toList();
        if (artifacts.isEmpty()) {
            throw new BadInputException(name + ": the train result lists no model files ('artifacts' is empty; train with --model GLOB)");
        }
        List<ModelArtifact> models = artifacts.stream().filter(a -> !a.path().startsWith(PROFILES)).toList();
        Path base = locate ? artifactRoot(file, train, artifacts) : null;
        Path profile = base == null ? null : artifacts.stream().filter(a -> a.path().startsWith(PROFILES)).findFirst()
                .map(a -> base.resolve(a.path())).orElse(null);
        String runId = train.mlflow() == null ? null : train.mlflow().runId();
        return new TrainResultFile(file, new LinkedHashMap<>(train.metrics()), params, lineage(train.lineage()), artifacts, base,
                model(models), profile, runId == null || runId.isEmpty() ? null : runId);
    }

    /**
     * An MLflow model is registered as its directory so that MLflow's loaders ({@code models:/NAME@ALIAS})
     * find its {@code MLmodel} file; a single file is registered as itself.
     */
    private static String model(final List<ModelArtifact> models) {
        List<String> mlflowModels = models.stream().map(ModelArtifact::path)
                .filter(path -> path.equals(MLMODEL) || path.endsWith("/" + MLMODEL))
                .map(path -> path.substring(0, Math.max(0, path.length() - MLMODEL.length() - 1))).toList();
        if (mlflowModels.size() == 1 && !mlflowModels.get(0).isEmpty()) {
            return mlflowModels.get(0);
        }
        return models.size() == 1 ? models.get(0).path() : null;
    }

    private static ModelLineage lineage(final TrainRecord.Lineage lineage) {
        if (lineage == null) {
            return new ModelLineage(List.of(), null, null, null, null);
        }
        List<ModelLineage.DataFile> data = lineage.data().stream()
                .map(file -> new ModelLineage.DataFile(file.path(), file.sha256())).toList();
        return new ModelLineage(data, lineage.paramsSha256(), lineage.gitCommit(), lineage.gitDirty(), lineage.command());
    }

    /**
     * Finds the directory that holds every artifact the training recorded (a directory that holds
     * only the model, such as the workspace the training wrote it into, would lose the data
     * profile): the artifacts directory as recorded (relative to the training's working directory,
     * then to the train result's directory), the train result's own directory (CI moved the
     * artifacts directory with the train result inside), then the training's working directory.
     */
    private static Path artifactRoot(final Path file, final TrainRecord train, final List<ModelArtifact> artifacts) {
        Path resultDir = file.toAbsolutePath().getParent();
        String recorded = blankAsNull(train.artifactsDirectory());
        String work = train.lineage() == null ? null : blankAsNull(train.lineage().workDir());
        Path workDir = work == null ? null : Path.of(work);
        List<Path> candidates = new ArrayList<>();
        if (recorded != null) {
            Path artifactsDir = Path.of(recorded);
            if (artifactsDir.isAbsolute()) {
                candidates.add(artifactsDir);
            }
            else {
                if (workDir != null) {
                    candidates.add(workDir.resolve(artifactsDir));
                }
                candidates.add(resultDir.resolve(artifactsDir));
            }
        }
        candidates.add(resultDir);
        if (workDir != null) {
            candidates.add(workDir);
        }
        List<Path> searched = candidates.stream().map(path -> path.toAbsolutePath().normalize()).distinct().toList();
        Path nearest = null;
        long nearestFound = 0;
        for (Path candidate : searched) {
            long found = artifacts.stream().filter(artifact -> Files.isRegularFile(candidate.resolve(artifact.path()))).count();
            if (found == artifacts.size()) {
                return candidate;
            }
            if (found > nearestFound) {
                nearest = candidate;
                nearestFound = found;
            }
        }
        String where = String.join(", ", searched.stream().map(Path::toString).toList());
        Path closest = nearest;
        String verdict = closest == null ? "none of them holds any"
                : "the nearest, " + closest + ", lacks " + names(artifacts.stream()
                        .filter(artifact -> !Files.isRegularFile(closest.resolve(artifact.path()))).toList());
        throw new BadInputException(file + ": cannot find the artifacts the training recorded (looked for " + names(artifacts)
                + " in " + where + "; " + verdict + ")");
    }

    private static String names(final List<ModelArtifact> artifacts) {
        List<String> quoted = artifacts.stream().limit(3).map(artifact -> "'" + artifact.path() + "'").toList();
        if (artifacts.size() > 3) {
            return String.join(", ", quoted) + " and " + (artifacts.size() - 3) + " more";
        }
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static String blankAsNull(final String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
