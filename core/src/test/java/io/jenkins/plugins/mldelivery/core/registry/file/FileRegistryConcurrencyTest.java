package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty promotions race from fifty JVMs, as fifty build agents sharing one registry directory
 * would: every promotion must be in the audit log and the alias history, nothing lost, nothing
 * corrupt.
 */
public class FileRegistryConcurrencyTest {
    private static final int PROCESSES = 50;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldLoseNoPromotionWhenFiftyProcessesPromoteAtOnce() throws Exception {
        Path root = temp.getRoot().toPath().resolve("registry");
        Path signal = temp.getRoot().toPath().resolve("go");
        File errors = temp.newFile("errors.log");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(PromoterProcess.command(root.toString(), "once", "p" + i, signal.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(errors)).start());
        }
        Files.createFile(signal); // all start together, so they really race
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("promoter finished").isTrue();
            assertThat(process.exitValue()).as(Files.readString(errors.toPath())).isZero();
        }

        FileModelRegistry registry = new FileModelRegistry(root);
        List<ModelVersion> versions = registry.versions("credit-risk");
        List<AliasMove> history = registry.aliasHistory("credit-risk", "champion");

        assertThat(versions).extracting(ModelVersion::version)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, PROCESSES).boxed().toList());
        assertThat(versions).extracting(ModelVersion::idempotencyKey).doesNotHaveDuplicates().hasSize(PROCESSES);
        assertThat(RegistryConsistency.auditEvents(root)).hasSize(2 * PROCESSES);
        assertThat(history).hasSize(PROCESSES);
        assertThat(history).extracting(AliasMove::toVersion).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, PROCESSES).boxed().toList());
        assertThat(history).extracting(AliasMove::reason).doesNotHaveDuplicates();
        assertThat(history.get(0).fromVersion()).isNull();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).fromVersion()).as("move %d starts where move %d ended", i + 1, i)
                    .isEqualTo(history.get(i - 1).toVersion());
        }
        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version())
                .isEqualTo(history.get(PROCESSES - 1).toVersion());
        RegistryConsistency.check(registry, root);
    }
}
