package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A promoter killed at any instant leaves a registry that reads, stays consistent and takes the next promotion. */
public class FileRegistryCrashTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path root() {
        return temp.getRoot().toPath().resolve("registry");
    }

    @Test
    public void shouldStayConsistentWhenAPromoterIsKilledMidWrite() throws Exception {
        Path root = root();
        Path log = root.resolve(AuditLog.FILE_NAME);
        Random random = new Random(42);
        for (int kill = 0; kill < 3; kill++) {
            long before = lines(log);
            Process promoter = new ProcessBuilder(PromoterProcess.command(root.toString(), "loop", "k" + kill))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            while (lines(log) < before + 6 && promoter.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(20));
            promoter.destroyForcibly();
            assertThat(promoter.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        FileModelRegistry registry = new FileModelRegistry(root);
        RegistryConsistency.check(registry, root);
        int latest = registry.findModel("credit-risk").orElseThrow().latestVersion();
        PromoterProcess.promote(registry, "after-the-crashes");

        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version()).isEqualTo(latest + 1);
        RegistryConsistency.check(registry, root);
    }

    @Test
    public void shouldIgnoreAndThenCutOffAnAuditLineACrashLeftHalfWritten() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root());
        PromoterProcess.promote(registry, "1");
        Files.writeString(registry.auditLog(), "{\"seq\":3,\"at\":\"2026-03-01T10:00:00Z\",\"action\":\"SET_AL",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(registry.aliasHistory("credit-risk", "champion")).hasSize(1);
        PromoterProcess.promote(registry, "2");

        assertThat(Files.readString(registry.auditLog())).doesNotContain("SET_AL\"").endsWith("}\n");
        RegistryConsistency.check(registry, root());
        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    public void shouldFinishAChangeWhoseAuditLineWasWrittenBeforeTheCrash() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root());
        PromoterProcess.promote(registry, "1");
        PromoterProcess.promote(registry, "2");
        // the process died after forcing its audit line to disk and before replacing model.json
        AuditEvent committed = AuditEvent.aliasMove(io.jenkins.plugins.mldelivery.core.registry.AliasMove.of("credit-risk",
                "champion", io.jenkins.plugins.mldelivery.core.registry.AliasMove.Action.ROLLBACK, 2, 1,
                ChangeNote.by("oncall").because("crashed mid-rollback"), Instant.parse("2026-03-01T10:00:00Z"))).withSeq(5);
        new AuditLog(root()).append(committed);

        ModelVersion champion = registry.resolveAlias("credit-risk", "champion").orElseThrow();

        assertThat(champion.version()).isEqualTo(1);
        assertThat(registry.aliasHistory("credit-risk", "champion")).last().extracting(m -> m.reason()).isEqualTo("crashed mid-rollback");
        RegistryConsistency.check(registry, root());
    }

    @Test
    public void shouldIgnoreTemporaryFilesAndStagedCopiesACrashLeftBehind() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root());
        PromoterProcess.promote(registry, "1");
        Path model = root().resolve("models/credit-risk");
        Files.writeString(model.resolve(".model.json123456.tmp"), "{\"name\":\"credit-ri");
        Files.createDirectories(root().resolve(".staging/0b4c/model")).resolve("model.joblib").toFile().createNewFile();
        Files.createDirectories(model.resolve("versions/2/artifacts")).resolve("model.joblib").toFile().createNewFile();

        PromoterProcess.promote(registry, "2");

        assertThat(registry.versions("credit-risk")).extracting(ModelVersion::source)
                .containsExactly("s3://models/credit-risk/1", "s3://models/credit-risk/2");
        assertThat(registry.models()).containsExactly("credit-risk");
        RegistryConsistency.check(registry, root());
    }

    @Test
    public void shouldCreateVersionsWithoutLosingAnyWhenThreadsOfOneProcessRace() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root());
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "t" + i;
            Thread thread = new Thread(() -> PromoterProcess.promote(registry, id));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(registry.versions("credit-risk")).hasSize(8);
        RegistryConsistency.check(registry, root());
    }

    private static long lines(final Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var stream = Files.lines(log, StandardCharsets.UTF_8)) {
            return stream.count();
        }
        catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
