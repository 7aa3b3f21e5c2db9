package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.GateSummary;
import io.jenkins.plugins.mldelivery.core.registry.ModelArtifact;
import io.jenkins.plugins.mldelivery.core.registry.ModelLineage;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.Stage;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class FileModelRegistryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ChangeNote ALICE = ChangeNote.by("alice").fromBuild("https://ci/job/credit/41/");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private FileModelRegistry registry() {
        return new FileModelRegistry(temp.getRoot().toPath().resolve("registry"), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static VersionRequest.Builder creditRisk(final String source) {
        return VersionRequest.forModel("credit-risk").withSource(source).registeredBy(ALICE);
    }

    @Test
    public void shouldNumberVersionsFromOneAndReadThemBackAsRegistered() {
        FileModelRegistry registry = registry();

        ModelVersion first = registry.register(creditRisk("s3://models/credit/1")
                .withMetrics(Map.of("f1", 0.81, "accuracy", 0.88)).withParams(Map.of("max_depth", "6"))
                .withLineage(new ModelLineage(List.of(new ModelLineage.DataFile("data/train.csv", "ab12")), "cd34", "0a1b2c", false, "python train.py"))
                .withTags(Map.of("team", "risk")).withRunId("run-7").build());
        ModelVersion second = registry.register(creditRisk("s3://models/credit/2").build());

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(registry.version("credit-risk", 1)).isEqualTo(first);
        assertThat(first.metric("f1")).hasValue(0.81);
        assertThat(first.build()).isEqualTo("https://ci/job/credit/41/");
        assertThat(first.createdBy()).isEqualTo("alice");
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(registry.versions("credit-risk")).containsExactly(first, second);
        assertThat(registry.models()).containsExactly("credit-risk");
    }

    @Test
    public void shouldReturnTheEarlierVersionWhenARegistrationIsRetriedWithTheSameIdempotencyKey() {
        FileModelRegistry registry = registry();
        VersionRequest request = creditRisk("s3://models/credit/1").withIdempotencyKey("https://ci/job/credit/41/").build();

        ModelVersion first = registry.register(request);
        ModelVersion retried = registry.register(request);
        ModelVersion otherBuild = registry.register(creditRisk("s3://models/credit/2").withIdempotencyKey("https://ci/job/credit/42/").build());

        assertThat(retried).isEqualTo(first);
        assertThat(otherBuild.version()).isEqualTo(2);
        assertThat(registry.versions("credit-risk")).hasSize(2);
    }

    @Test
    public void shouldResolveAnAliasToTheVersionItPointsTo() {
        FileModelRegistry registry = registry();
        registry.register(creditRisk("s3://a").build());
        ModelVersion second = registry.register(creditRisk("s3://b").build());

        registry.setAlias("credit-risk", "champion", 2, ALICE);

        assertThat(registry.resolveAlias("credit-risk", "champion")).contains(second);
        assertThat(registry.resolveAlias("credit-risk", "challenger")).isEmpty();
        assertThat(registry.resolveAlias("fraud", "champion")).isEmpty();
        assertThat(registry.findModel("credit-risk").orElseThrow().aliases()).containsExactly(Map.entry("champion", 2));
    }

    @Test
    public void shouldRecordWhoMovedAnAliasWhenFromWhichBuildAndWhy() {
        FileModelRegistry registry = registry();
        registry.register(creditRisk("s3://a").build());
        registry.register(creditRisk("s3://b").build());

        registry.setAlias("credit-risk", "champion", 1, ALICE.because("first model"));
        registry.setAlias("credit-risk", "challenger", 2, ALICE);
        registry.setAlias("credit-risk", "champion", 2, ChangeNote.by("bob").fromBuild("https://ci/job/credit/42/").because("f1 +0.03"));

        assertThat(registry.aliasHistory("credit-risk", "champion")).containsExactly(
                new AliasMove("credit-risk", "champion", AliasMove.Action.SET, null, 1, "alice", "https://ci/job/credit/41/", "first model", T0),
                new AliasMove("credit-risk", "champion", AliasMove.Action.SET, 1, 2, "bob", "https://ci/job/credit/42/", "f1 +0.03", T0));
        assertThat(registry.aliasHistory("credit-risk", null)).hasSize(3);
    }

    @Test
    public void shouldRollBackToThePreviousVersionAndFurtherBackOnTheNextRollback() {
        FileModelRegistry registry = registry();
        for (int i = 1; i <= 3; i++) {
            registry.register(creditRisk("s3://v" + i).build());
            registry.setAlias("credit-risk", "champion", i, ALICE);
        }

        AliasMove first = registry.rollback("credit-risk", "champion", ChangeNote.by("oncall").because("latency"));
        AliasMove second = registry.rollback("credit-risk", "champion", ChangeNote.by("oncall"));

        assertThat(first.fromVersion()).isEqualTo(3);
        assertThat(first.toVersion()).isEqualTo(2);
        assertThat(first.action()).isEqualTo(AliasMove.Action.ROLLBACK);
        assertThat(second.toVersion()).isEqualTo(1);
        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version()).isEqualTo(1);
        assertThatThrownBy(() -> registry.rollback("credit-risk", "champion", ALICE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("registry " + registry.uri() + ": alias 'champion' of model 'credit-risk' has no earlier version to roll back to");
    }

    @Test
    public void shouldRollBackARemovedAliasToTheVersionItHad() {
        FileModelRegistry registry = registry();
        registry.register(creditRisk("s3://a").build());
        registry.setAlias("credit-risk", "champion", 1, ALICE);

        registry.removeAlias("credit-risk", "champion", ALICE);
        assertThat(registry.resolveAlias("credit-risk", "champion")).isEmpty();
        registry.rollback("credit-risk", "champion", ALICE);

        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    public void shouldNotRecordAMoveWhenTheAliasIsAlreadyThere() {
        FileModelRegistry registry = registry();
        registry.register(creditRisk("s3://a").build());
        AliasMove first = registry.setAlias("credit-risk", "champion", 1, ALICE);

        AliasMove again = registry.setAlias("credit-risk", "champion", 1, ChangeNote.by("retry"));

        assertThat(again).isEqualTo(first);
        assertThat(registry.aliasHistory("credit-risk", "champion")).hasSize(1);
    }

    @Test
    public void shouldRefuseAnAliasOnAVersionThatDoesNotExist() {
        FileModelRegistry registry = registry();
        registry.register(creditRisk("s3://a").build());

        assertThatThrownBy(() -> registry.setAlias("credit-risk", "champion", 7, ALICE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("registry " + registry.uri() + ": model 'credit-risk' has no version 7 (versions 1 to 1)");
        assertThat(registry.aliasHistory("credit-risk", null)).isEmpty();
    }

    @Test
    public void shouldNameTheKnownModelsWhenAModelIsUnknown() {
        FileModelRegistry registry = registry();
        registry.register(creditRisk("s3://a").build());

        assertThatThrownBy(() -> registry.versions("credit-risc"))
                .hasMessage("registry " + registry.uri() + ": no model 'credit-risc' (models: credit-risk)");
        assertThatThrownBy(() -> registry.version("credit-risk", 4))
                .hasMessage("registry " + registry.uri() + ": model 'credit-risk' has no version 4 (versions 1 to 1)");
    }

    @Test
    public void shouldRejectNamesThatAreNotSafeAsDirectoriesOrReservedByMlflow() {
        FileModelRegistry registry = registry();

        assertThatThrownBy(() -> registry.register(VersionRequest.forModel("../etc").withSource("s3://a").build()))
                .hasMessageStartingWith("model name '../etc': use letters, digits");
        assertThatThrownBy(() -> registry.resolveAlias("credit-risk", "latest"))
                .hasMessage("alias 'latest': 'latest' and 'v<number>' are reserved by MLflow");
    }

    @Test
    public void shouldRefuseToReadARegistryThatDoesNotExistAndCreateNothing() {
        Path typo = temp.getRoot().toPath().resolve("registy");
        FileModelRegistry registry = new FileModelRegistry(typo);
        String expected = "registry file:" + typo + ": registry directory " + typo + " does not exist (a promotion creates a"
                + " registry; check the path, or create the directory for an empty registry)";

        assertThatThrownBy(registry::models).isInstanceOf(BadInputException.class).hasMessage(expected);
        assertThatThrownBy(() -> registry.resolveAlias("credit-risk", "champion")).hasMessage(expected);
        assertThatThrownBy(() -> registry.rollback("credit-risk", "champion", ALICE)).hasMessage(expected);
        assertThat(typo).doesNotExist();
    }

    @Test
    public void shouldReadAnEmptyDirectoryAsAnEmptyRegistryWithoutWritingIntoIt() throws IOException {
        Path empty = temp.newFolder("empty").toPath();
        FileModelRegistry registry = new FileModelRegistry(empty);

        assertThat(registry.models()).isEmpty();
        assertThat(registry.resolveAlias("credit-risk", "champion")).isEmpty();
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    public void shouldRefuseADirectoryThatHoldsSomethingElseThanARegistry() throws IOException {
        Path home = temp.newFolder("home").toPath();
        Files.writeString(home.resolve("notes.txt"), "not a registry");
        FileModelRegistry registry = new FileModelRegistry(home);

        assertThatThrownBy(registry::models).isInstanceOf(BadInputException.class)
                .hasMessage("registry file:" + home + ": " + home + " is not a registry (it holds neither registry.lock nor models/,"
                        + " and is not empty); check the path");
        assertThat(home.resolve("registry.lock")).doesNotExist();
    }

    @Test
    public void shouldSayWhenTheRegistryDirectoryCannotBeWritten() throws IOException {
        Path file = Files.writeString(temp.getRoot().toPath().resolve("not-a-directory"), "x");
        FileModelRegistry registry = new FileModelRegistry(file.resolve("registry"));

        assertThatThrownBy(() -> registry.register(creditRisk("s3://a").build()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("registry file:" + file.resolve("registry") + ": cannot write to " + file);
    }

    @Test
    public void shouldStoreCopiesOfTheArtifactsSoTheWorkspaceCanBeWiped() throws IOException {
        Path workspace = temp.newFolder("workspace").toPath();
        Path model = Files.createDirectories(workspace.resolve("model")).resolve("model.joblib");
        Files.writeString(model, "trained weights");
        ModelArtifact artifact = new ModelArtifact("model/model.joblib", Files.size(model), FileDigest.of(model).sha256());
        FileModelRegistry registry = registry();

        ModelVersion version = registry.register(VersionRequest.forModel("credit-risk").withArtifacts(workspace, List.of(artifact)).build());
        Files.delete(model);

        assertThat(Path.of(version.source())).hasContent("trained weights")
                .startsWith(temp.getRoot().toPath().resolve("registry"));
        assertThat(version.artifacts()).containsExactly(artifact);
        assertThat(registry.version("credit-risk", 1).source()).isEqualTo(version.source());
    }

    @Test
    public void shouldRefuseAnArtifactThatChangedAfterTraining() throws IOException {
        Path workspace = temp.newFolder("workspace").toPath();
        Files.writeString(workspace.resolve("model.joblib"), "retrained weights");
        ModelArtifact recorded = new ModelArtifact("model.joblib", 15, "0".repeat(64));
        FileModelRegistry registry = registry();

        assertThatThrownBy(() -> registry.register(VersionRequest.forModel("credit-risk").withArtifacts(workspace, List.of(recorded)).build()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("model.joblib: SHA-256 is ")
                .hasMessageEndingWith("but the training recorded " + "0".repeat(64) + " (the file changed after training)");
        assertThat(registry.models()).isEmpty();
    }

    @Test
    public void shouldKeepWorkingWhenTheRegistryDirectoryIsMoved() throws IOException {
        Path workspace = temp.newFolder("workspace").toPath();
        Path model = Files.writeString(workspace.resolve("model.joblib"), "weights");
        FileModelRegistry registry = registry();
        registry.register(VersionRequest.forModel("credit-risk")
                .withArtifacts(workspace, List.of(new ModelArtifact("model.joblib", 7, FileDigest.of(model).sha256()))).build());

        Path moved = temp.getRoot().toPath().resolve("mounted-elsewhere");
        Files.move(temp.getRoot().toPath().resolve("registry"), moved);

        assertThat(Path.of(new FileModelRegistry(moved).version("credit-risk", 1).source())).hasContent("weights")
                .startsWith(moved);
    }

    @Test
    public void shouldWriteAModelCardInJsonAndMarkdownWithEveryVersion() throws IOException {
        FileModelRegistry registry = registry();

        registry.register(creditRisk("s3://a").withMetrics(Map.of("f1", 0.81, "latency_p95_ms", 14.5623, "f1[gender=F]", 0.7338129, "f1[gender=M]", 0.70084))
                .withIntendedUse("Scores {{model}} v{{version}} applications; not for employment decisions.")
                .withGate(new GateSummary("PASSED", List.of(new GateSummary.Rule("f1 >= 0.8", true, false, "0.81", "0.8")), "gate.json"))
                .build());

        assertThat(registry.card("credit-risk", 1).orElseThrow().intendedUse())
                .isEqualTo("Scores credit-risk v1 applications; not for employment decisions.");
        Path markdown = temp.getRoot().toPath().resolve("registry/models/credit-risk/versions/1/model-card.md");
        assertThat(Files.readString(markdown, StandardCharsets.UTF_8))
                .startsWith("# Model card: credit-risk v1\n")
                .contains("| f1 | 0.81 |", "| latency_p95_ms | 14.56 |", "| slice | f1 |", "| gender=F | 0.7338 |", "| gender=M | 0.7008 |",
                        "Verdict: **PASSED**", "| f1 >= 0.8 | passed | 0.81 | 0.8 |",
                        "Scores credit-risk v1 applications");
    }

    @Test
    public void shouldMoveAVersionToAStageAndArchiveTheOneThatWasThere() {
        FileModelRegistry registry = registry();
        registry.register(creditRisk("s3://a").build());
        registry.register(creditRisk("s3://b").build());
        registry.setStage("credit-risk", 1, Stage.PRODUCTION, false, ALICE);

        ModelVersion promoted = registry.setStage("credit-risk", 2, Stage.PRODUCTION, true, ALICE);

        assertThat(promoted.stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(registry.version("credit-risk", 1).stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.version("credit-risk", 2).stage()).isEqualTo(Stage.PRODUCTION);
    }

    @Test
    public void shouldNumberAuditLinesWithoutGapsAndDateThemByTheClock() throws IOException {
        FileModelRegistry registry = new FileModelRegistry(temp.getRoot().toPath().resolve("registry"),
                Clock.offset(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(5)));
        registry.register(creditRisk("s3://a").build());
        registry.setAlias("credit-risk", "champion", 1, ALICE);

        List<String> lines = Files.readAllLines(registry.auditLog());

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"seq\":1,\"at\":\"2026-03-01T10:05:00Z\",\"action\":\"REGISTER\"");
        assertThat(lines.get(1)).startsWith("{\"seq\":2,\"at\":\"2026-03-01T10:05:00Z\",\"action\":\"SET_ALIAS\"");
    }
}
