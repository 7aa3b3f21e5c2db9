package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
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
                .hasMessage(train + ": cannot find the model file 'model/model.joblib' (looked in " + temp.getRoot() + ")");
    }

    @Test
    public void shouldNotAcceptTwoThingsToPromote() {
        assertThatThrownBy(() -> PromoteRequest.of("credit-risk", "champion").version(1).fromTrainResultJson(TRAIN_RESULT).build())
                .hasMessage("promote exactly one of a registered version, a train result file and a train result's JSON");
    }
}
