package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.Timing;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class TrainResultTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-25T10:00:05Z");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    static TrainResult sample() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("model.max_depth", 3);
        params.put("model.type", "hist_gradient_boosting");
        params.put("model.layers", List.of(64, 32));
        params.put("model.class_weight", null);
        Lineage lineage = new Lineage(List.of(new InputIdentity("data/train.csv", 1200, "ab".repeat(32))), "params.yaml",
                "cd".repeat(32), List.of("model.max_depth=3"), "ef".repeat(20), false, "python train.py", "/work",
                List.of(new ToolVersion("python --version", 0, "Python 3.11.7", 1, "12".repeat(32))), "ci-agent-1",
                START, END, 5000);
        return new TrainResult(Status.PASSED, null, Map.of("accuracy", 0.9, "accuracy[gender=F]", 0.89), params, lineage,
                List.of(new Artifact("model/model.joblib", 125409, "34".repeat(32))), "target/model",
                Map.of("loss", List.of(0.5, 0.25)), 0, List.of("done"), new Timing(START, END, 5000),
                List.of(new InputIdentity("data/train.csv", 1200, "ab".repeat(32))), null, null, null);
    }

    @Test
    public void shouldWriteTheFieldsTheDesignContractNames() {
        JsonNode json = ResultJson.mapper().valueToTree(sample());

        assertThat(json.get("step").asText()).isEqualTo("train");
        assertThat(json.get("status").asText()).isEqualTo("PASSED");
        assertThat(json.get("metrics").get("accuracy[gender=F]").asDouble()).isEqualTo(0.89);
        assertThat(json.get("params").get("model.max_depth").asInt()).isEqualTo(3);
        assertThat(json.get("params").get("model.class_weight").isNull()).isTrue();
        JsonNode lineage = json.get("lineage");
        assertThat(lineage.get("data").get(0).get("path").asText()).isEqualTo("data/train.csv");
        assertThat(lineage.get("data").get(0).get("sha256").asText()).hasSize(64);
        assertThat(lineage.get("paramsSha256").asText()).hasSize(64);
        assertThat(lineage.get("gitCommit").asText()).hasSize(40);
        assertThat(lineage.get("gitDirty").asBoolean()).isFalse();
        assertThat(lineage.get("command").asText()).isEqualTo("python train.py");
        JsonNode artifact = json.get("artifacts").get(0);
        assertThat(artifact.get("path").asText()).isEqualTo("model/model.joblib");
        assertThat(artifact.get("bytes").asLong()).isEqualTo(125409);
        assertThat(artifact.get("sha256").asText()).hasSize(64);
        assertThat(json.has("failure")).as("absent optional fields are left out").isFalse();
        assertThat(json.has("sweep")).isFalse();
        assertThat(json.fieldNames()).toIterable().first().isEqualTo("step");
    }

    @Test
    public void shouldReadBackEqualFromItsJsonFile() throws Exception {
        Path file = folder.getRoot().toPath().resolve("train.json");
        ResultJson.write(file, sample());

        assertThat(ResultJson.read(file, TrainResult.class)).isEqualTo(sample());
    }

    @Test
    public void shouldBeEqualByValue() {
        // the records refuse nulls where the contract requires a value
        EqualsVerifier.forClass(TrainResult.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(Lineage.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(Artifact.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(Trial.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(TrainingRequest.class).suppress(Warning.NULL_FIELDS)
                .withPrefabValues(JsonNode.class, TextNode.valueOf("a"), TextNode.valueOf("b"))
                .withPrefabValues(Duration.class, Duration.ofSeconds(1), Duration.ofSeconds(2)).verify();
    }
}
