package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.registry.file.FileModelRegistry;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class PromotionTest {
    private static final String TRAIN_RESULT = """
            {"step": "train", "status": "PASSED", "metrics": {"f1": 0.81},
             "params": {"max_depth": 6}, "lineage": {"data": [], "gitCommit": "0a1b2c", "command": "python train.py"},
             "artifacts": [{"path": "model/model.joblib", "bytes": 7, "sha256": "%s"},
                           {"path": "profiles/train.profile.json", "bytes": 2, "sha256": "%s"}]}
            """.formatted("a".repeat(64), "b".repeat(64));

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private FileModelRegistry registry() {
        return new FileModelRegistry(temp.getRoot().toPath().resolve("registry"));
    }

    @Test
    public void shouldRegisterATrainResultKeptAsJsonByTheLocationOfItsArchivedModel() {
        FileModelRegistry registry = registry();
        PromoteRequest request = PromoteRequest.of("credit-risk", "champion").fromTrainResultJson(TRAIN_RESULT)
                .withSourcePrefix("jenkins:credit-risk#42/artifact/").withTags(Map.of("jenkins.build", "42"))
                .by(ChangeNote.by("alice").fromBuild("https://ci/job/credit-risk/42/")).withIdempotencyKey("https://ci/job/credit-risk/42/")
                .build();

        PromoteResult result = new Promotion(registry, Clock.systemUTC()).promote(request);
        PromoteResult retried = new Promotion(registry, Clock.systemUTC()).promote(request);

        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(result.source()).isEqualTo("jenkins:credit-risk#42/artifact/model/model.joblib");
        assertThat(retried.version()).isEqualTo(1);
        ModelVersion version = registry.version("credit-risk", 1);
        assertThat(version.tags()).containsEntry("jenkins.build", "42");
        assertThat(version.metric("f1")).hasValue(0.81);
        assertThat(version.lineage().gitCommit()).isEqualTo("0a1b2c");
    }

    @Test
    public void shouldRefuseATrainingThatFailed() throws IOException {
        Path train = Files.writeString(temp.getRoot().toPath().resolve("train.json"),
                "{\"step\": \"train\", \"status\": \"FAILED\", \"failure\": \"train.py exited with 1\"}");

        assertThatThrownBy(() -> new Promotion(registry(), Clock.systemUTC())
                .promote(PromoteRequest.of("credit-risk", "champion").fromTrainResult(train).build()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(train + ": the training FAILED (train.py exited with 1); there is no model to promote");
    }

    @Test
    public void shouldSayWhereItLookedForAModelFileThatIsGone() throws IOException {
        Path train = Files.writeString(temp.getRoot().toPath().resolve("train.json"), TRAIN_RESULT);

        assertThatThrownBy(() -> new Promotion(registry(), Clock.systemUTC())
                .promote(PromoteRequest.of("credit-risk", "champion").fromTrainResult(train).build()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(train + ": cannot find the artifacts the training recorded (looked for 'model/model.joblib' and"
                        + " 'profiles/train.profile.json' in " + temp.getRoot() + "; none of them holds any)");
    }

    /** Writes a model and a data profile into DIR and a train result for them; returns the train result. */
    private static Path trainResult(final Path dir, final String resultName, final String weights, final String artifactsDirectory,
            final String workDir) throws IOException {
        Path model = dir.resolve("model/model.joblib");
        Files.createDirectories(model.getParent());
        Files.writeString(model, weights);
        Path profile = dir.resolve("profiles/data.csv.profile.json");
        Files.createDirectories(profile.getParent());
        Files.writeString(profile, "{\"rows\": 3, \"columns\": []}");
        return Files.writeString(dir.resolve(resultName), """
                {"step": "train", "status": "PASSED", "metrics": {"f1": 0.81}, "params": {},
                 "lineage": {"data": [], "command": "python train.py", "workDir": "%s"},
                 "artifactsDirectory": "%s",
                 "artifacts": [{"path": "model/model.joblib", "bytes": %d, "sha256": "%s"},
                               {"path": "profiles/data.csv.profile.json", "bytes": %d, "sha256": "%s"}]}
                """.formatted(workDir, artifactsDirectory, Files.size(model), FileDigest.of(model).sha256(),
                Files.size(profile), FileDigest.of(profile).sha256()));
    }

    @Test
    public void shouldRegisterTwoDifferentModelsPromotedUnderTheSameBuildKeyAsTwoVersions() throws IOException {
        Path root = temp.getRoot().toPath();
        Path a1 = trainResult(Files.createDirectories(root.resolve("a1")), "a1.json", "model one", root.resolve("a1").toString(), root.toString());
        Path a2 = trainResult(Files.createDirectories(root.resolve("a2")), "a2.json", "model two", root.resolve("a2").toString(), root.toString());
        FileModelRegistry registry = registry();
        Promotion promotion = new Promotion(registry, Clock.systemUTC());
        String build = "https://ci/job/credit-risk/42/";

        PromoteResult champion = promotion.promote(PromoteRequest.of("credit-risk", "champion").fromTrainResult(a1)
                .by(ChangeNote.by("jenkins").fromBuild(build)).withIdempotencyKey(build).build());
        PromoteResult challenger = promotion.promote(PromoteRequest.of("credit-risk", "challenger").fromTrainResult(a2)
                .by(ChangeNote.by("jenkins").fromBuild(build)).withIdempotencyKey(build).build());
        PromoteResult retried = promotion.promote(PromoteRequest.of("credit-risk", "champion").fromTrainResult(a1)
                .by(ChangeNote.by("jenkins").fromBuild(build)).withIdempotencyKey(build).build());

        assertThat(champion.version()).isEqualTo(1);
        assertThat(challenger.version()).isEqualTo(2);
        assertThat(retried.version()).isEqualTo(1);
        assertThat(registry.versions("credit-risk")).hasSize(2);
        assertThat(Path.of(registry.resolveAlias("credit-risk", "challenger").orElseThrow().source())).hasContent("model two");
        assertThat(Path.of(registry.resolveAlias("credit-risk", "champion").orElseThrow().source())).hasContent("model one");
    }

    @Test
    public void shouldFindTheArtifactsBesideTheTrainResultWhenCiMovedTheirDirectory() throws IOException {
        Path root = temp.getRoot().toPath();
        Path workspace = Files.createDirectories(root.resolve("workspace"));
        // the training wrote its model into the workspace and copied it, with a data profile, to target/model
        Files.createDirectories(workspace.resolve("model"));
        Path moved = Files.createDirectories(root.resolve("archive/build-7"));
        Path train = trainResult(moved, "train.json", "weights", "target/model", workspace.toString());
        Files.copy(moved.resolve("model/model.joblib"), workspace.resolve("model/model.joblib"));

        PromoteResult result = new Promotion(registry(), Clock.systemUTC())
                .promote(PromoteRequest.of("credit-risk", "champion").fromTrainResult(train).build());

        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(registry().card("credit-risk", 1).orElseThrow().dataProfile()).isNotNull();
    }

    @Test
    public void shouldNameEveryDirectorySearchedWhenTheArtifactsAreNowhere() throws IOException {
        Path root = temp.getRoot().toPath();
        Path dir = Files.createDirectories(root.resolve("elsewhere"));
        Path train = trainResult(dir, "train.json", "weights", "target/model", root.resolve("workspace").toString());
        Files.delete(dir.resolve("profiles/data.csv.profile.json"));

        assertThatThrownBy(() -> new Promotion(registry(), Clock.systemUTC())
                .promote(PromoteRequest.of("credit-risk", "champion").fromTrainResult(train).build()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(train + ": cannot find the artifacts the training recorded (looked for 'model/model.joblib' and"
                        + " 'profiles/data.csv.profile.json' in " + root.resolve("workspace/target/model") + ", "
                        + dir.resolve("target/model") + ", " + dir + ", " + root.resolve("workspace")
                        + "; the nearest, " + dir + ", lacks 'profiles/data.csv.profile.json')");
    }

    @Test
    public void shouldNotAcceptTwoThingsToPromote() {
        assertThatThrownBy(() -> PromoteRequest.of("credit-risk", "champion").version(1).fromTrainResultJson(TRAIN_RESULT).build())
                .hasMessage("promote exactly one of a registered version, a train result file and a train result's JSON");
    }
}
