package io.jenkins.plugins.mldelivery.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class RegistryValuesTest {
    @Test
    public void shouldCompareValuesByTheirFields() {
        for (Class<?> type : List.of(ChangeNote.class, ModelLineage.class,
                ModelLineage.DataFile.class, ModelArtifact.class, RegisteredModel.class, VersionRequest.class,
                ModelCard.class, GateSummary.class, DataProfileSummary.class, RegistryUri.class)) {
            EqualsVerifier.forClass(type).suppress(Warning.NULL_FIELDS, Warning.ZERO_FIELDS).verify();
        }
    }

    /** EqualsVerifier cannot build these two (they refuse version 0 and a removal with a version), so compare copies read back from JSON. */
    @Test
    public void shouldReadVersionsAndMovesBackFromJsonEqualToWhatWasWritten() throws Exception {
        ModelVersion version = new ModelVersion("credit-risk", 3, "s3://m/3", "run-1", "https://ci/1/", "https://ci/1/",
                Map.of("f1", 0.8), Map.of("depth", "6"), new ModelLineage(List.of(new ModelLineage.DataFile("d.csv", "ab")), "cd", "ef", true, "python t.py"),
                List.of(new ModelArtifact("model.joblib", 10, "aa")), Map.of("team", "risk"), Stage.STAGING, "ci", Instant.parse("2026-03-01T10:00:00Z"));
        AliasMove move = new AliasMove("credit-risk", "champion", AliasMove.Action.REMOVE, 3, null, "ci", null, "retired", Instant.EPOCH);
        ObjectMapper mapper = ResultJson.mapper();

        ModelVersion versionCopy = mapper.readValue(mapper.writeValueAsString(version), ModelVersion.class);
        AliasMove moveCopy = mapper.readValue(mapper.writeValueAsString(move), AliasMove.class);

        assertThat(versionCopy).isEqualTo(version).hasSameHashCodeAs(version).isNotEqualTo(version.withStage(Stage.PRODUCTION));
        assertThat(moveCopy).isEqualTo(move).hasSameHashCodeAs(move);
    }

    @Test
    public void shouldKeepMapsSortedSoTheJsonIsTheSameOnEveryRun() {
        ModelVersion version = new ModelVersion("m", 1, "s3://a", null, null, null, Map.of("z", 1.0, "a", 2.0, "m", 3.0),
                null, null, null, null, null, "ci", Instant.EPOCH);

        assertThat(version.metrics().keySet()).containsExactly("a", "m", "z");
    }

    @Test
    public void shouldRefuseAMetricThatIsNotAFiniteNumber() {
        assertThatThrownBy(() -> VersionRequest.forModel("m").withSource("s3://a").withMetrics(Map.of("f1", Double.NaN)).build())
                .hasMessage("metric 'f1' is not a finite number: NaN");
    }

    @Test
    public void shouldParseBothRegistryUriForms() {
        assertThat(RegistryUri.parse("file:registry")).isEqualTo(new RegistryUri(RegistryUri.Kind.FILE, "registry"));
        assertThat(RegistryUri.parse("file:registry").directory()).isEqualTo(Path.of("registry"));
        assertThat(RegistryUri.parse("file:///var/ml/registry").directory()).isEqualTo(Path.of("/var/ml/registry"));
        assertThat(RegistryUri.parse("mlflow:http://127.0.0.1:5000").server().getPort()).isEqualTo(5000);
        assertThat(RegistryUri.parse("mlflow:https://mlflow.example.com/prefix")).hasToString("mlflow:https://mlflow.example.com/prefix");
    }

    @Test
    public void shouldExplainTheAcceptedRegistryUriForms() {
        for (String wrong : List.of("registry", "file:", "mlflow:127.0.0.1:5000", "s3://bucket")) {
            assertThatThrownBy(() -> RegistryUri.parse(wrong))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("registry URI '" + wrong + "': expected file:DIR or mlflow:http://HOST:PORT");
        }
    }

    @Test
    public void shouldReadStagesAsMlflowWritesThem() {
        assertThat(Stage.of("Production")).isEqualTo(Stage.PRODUCTION);
        assertThat(Stage.of("staging")).isEqualTo(Stage.STAGING);
        assertThatThrownBy(() -> Stage.of("live")).hasMessage("stage 'live': expected one of None, Staging, Production, Archived");
    }

    @Test
    public void shouldWalkBackThroughTheHistoryOnRepeatedRollbacks() {
        Instant at = Instant.EPOCH;
        AliasHistory history = new AliasHistory(List.of(
                new AliasMove("m", "champion", AliasMove.Action.SET, null, 1, "a", null, null, at),
                new AliasMove("m", "champion", AliasMove.Action.SET, 1, 2, "a", null, null, at),
                new AliasMove("m", "champion", AliasMove.Action.SET, 2, 3, "a", null, null, at),
                new AliasMove("m", "champion", AliasMove.Action.ROLLBACK, 3, 2, "a", null, null, at)));

        assertThat(history.rollbackTarget()).contains(1);
        assertThat(new AliasHistory(history.moves().subList(0, 1)).rollbackTarget()).isEmpty();
    }
}
