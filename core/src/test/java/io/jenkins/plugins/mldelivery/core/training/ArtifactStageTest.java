package io.jenkins.plugins.mldelivery.core.training;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ArtifactStageTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldReplaceThePreviousArtifactsAsAWholeOnCommit() throws Exception {
        Path root = folder.getRoot().toPath();
        Path target = root.resolve("artifacts");
        Files.createDirectories(target.resolve("model"));
        Files.writeString(target.resolve("model/old.bin"), "old");
        Path model = root.resolve("new.bin");
        Files.writeString(model, "abc");

        try (ArtifactStage stage = ArtifactStage.open(target)) {
            stage.copy(model, new Artifact("model/new.bin", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
            stage.commit();
        }

        assertThat(target.resolve("model/new.bin")).hasContent("abc");
        assertThat(target.resolve("model/old.bin")).doesNotExist();
        assertThat(listing(root)).containsExactlyInAnyOrder("artifacts", "new.bin");
    }

    @Test
    public void shouldLeaveThePreviousArtifactsUntouchedAndNoStagingBehindWhenAFileChangedBeforeItWasCopied() throws Exception {
        Path root = folder.getRoot().toPath();
        Path target = root.resolve("artifacts");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.bin"), "old");
        Path model = root.resolve("model.bin");
        Files.writeString(model, "changed after it was digested");

        try (ArtifactStage stage = ArtifactStage.open(target)) {
            assertThatThrownBy(() -> stage.copy(model, new Artifact("model.bin", 3,
                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("changed while it was being archived");
        }

        assertThat(target.resolve("old.bin")).hasContent("old");
        assertThat(listing(root)).containsExactlyInAnyOrder("artifacts", "model.bin");
    }

    private static java.util.List<String> listing(final Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    @Test
    public void shouldRemoveTheStagingThatAKilledRunLeftBehindAndSaySo() throws Exception {
        Path root = folder.getRoot().toPath();
        Path target = root.resolve("artifacts");
        Files.createDirectories(target);
        Path leftover = root.resolve(".artifacts.staging-" + java.util.UUID.randomUUID()); // as a SIGKILL during the copy leaves it
        Files.createDirectories(leftover.resolve("model"));
        Files.writeString(leftover.resolve("model/stale.bin"), "half a model");
        Path deadOwner = root.resolve(".artifacts.staging-" + endedProcess() + "-" + java.util.UUID.randomUUID());
        Files.createDirectories(deadOwner);
        Path model = root.resolve("new.bin");
        Files.writeString(model, "abc");

        try (ArtifactStage stage = ArtifactStage.open(target)) {
            assertThat(stage.cleaned()).hasSize(2).allMatch(line -> line.startsWith("removed .artifacts.staging-")
                    && line.contains("left by an interrupted run"));
            stage.copy(model, new Artifact("model/new.bin", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
            stage.commit();
        }

        assertThat(listing(root)).containsExactlyInAnyOrder("artifacts", "new.bin");
    }

    @Test
    public void shouldLeaveTheStagingOfARunStillGoingAlone() throws Exception {
        Path target = folder.getRoot().toPath().resolve("artifacts");
        try (ArtifactStage first = ArtifactStage.open(target); ArtifactStage second = ArtifactStage.open(target)) {
            assertThat(second.cleaned()).isEmpty();
            assertThat(listing(folder.getRoot().toPath())).hasSize(2).allMatch(name -> name.startsWith(".artifacts.staging-"));
        }
    }

    @Test
    public void shouldPutThePreviousArtifactsBackWhenARunWasKilledBetweenItsTwoRenames() throws Exception {
        Path root = folder.getRoot().toPath();
        Path target = root.resolve("artifacts");
        Path previous = root.resolve(".artifacts.previous-" + endedProcess() + "-" + java.util.UUID.randomUUID());
        Files.createDirectories(previous.resolve("model"));
        Files.writeString(previous.resolve("model/old.bin"), "old");

        try (ArtifactStage stage = ArtifactStage.open(target)) {
            assertThat(stage.cleaned()).singleElement().asString().startsWith("put back artifacts from .artifacts.previous-");
        }

        assertThat(target.resolve("model/old.bin")).hasContent("old");
        assertThat(listing(root)).containsExactly("artifacts");
    }

    @Test
    public void shouldTellItsOwnDirectoriesFromTheTeamsFiles() {
        assertThat(ArtifactStage.isStageDirectory(".artifacts.staging-" + java.util.UUID.randomUUID())).isTrue();
        assertThat(ArtifactStage.isStageDirectory(".out.previous-123-" + java.util.UUID.randomUUID())).isTrue();
        assertThat(ArtifactStage.isStageDirectory(".staging")).isFalse();
        assertThat(ArtifactStage.isStageDirectory("model.staging-1")).isFalse();
    }

    /** Returns the pid of a process that has ended. */
    private static long endedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
