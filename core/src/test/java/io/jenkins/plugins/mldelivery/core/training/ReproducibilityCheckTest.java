package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.Assume.assumeTrue;

public class ReproducibilityCheckTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Trainer trainer = new Trainer(line -> { }, Clock.systemUTC());
    private ToyProject project;
    private Path artifacts;

    @Before
    public void createProject() throws Exception {
        assumeTrue("the toy trainer is a POSIX shell script", Files.isExecutable(Path.of("/bin/sh")));
        project = ToyProject.in(folder.newFolder("project").toPath());
        artifacts = folder.getRoot().toPath().resolve("artifacts");
    }

    @Test
    public void shouldPassWhenTwoRunsAgreeAndWriteByteIdenticalModels() {
        TrainResult result = trainer.checkReproducibility(project.request().publishingTo(artifacts).build(), 0.0, List.of());

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASSED);
        assertThat(result.reproducibility().metricsAgree()).isTrue();
        assertThat(result.reproducibility().modelIdentical()).isTrue();
        assertThat(result.reproducibility().firstRunMetrics()).isEqualTo(result.metrics());
        assertThat(artifacts.resolve("model/model.bin")).exists();
    }

    @Test
    public void shouldWarnWhenTheMetricsAgreeButTheModelBytesDiffer() {
        TrainResult result = trainer.checkReproducibility(project.request().withEnvironment("NOISY_MODEL", "1")
                .publishingTo(artifacts).build(), 0.0, List.of());

        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.reproducibility().differingFiles()).containsExactly("model/model.bin");
        assertThat(result.failure()).contains("model files differ between two runs although the metrics agree");
        assertThat(artifacts.resolve("model/model.bin")).exists();
    }

    @Test
    public void shouldFailNamingTheMetricsThatDifferBeyondTheTolerance() {
        TrainResult result = trainer.checkReproducibility(project.request().withEnvironment("VARY", "1")
                .publishingTo(artifacts).build(), 0.0005, List.of());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.reproducibility().differences()).containsExactly(entry("accuracy", Arrays.asList(0.701, 0.702)));
        assertThat(result.failure()).isEqualTo("not reproducible: metrics differ between two runs (accuracy)");
        assertThat(artifacts).doesNotExist();
    }

    @Test
    public void shouldAgreeWithinTheToleranceOrWhenTheVaryingMetricIsIgnored() {
        TrainingRequest varying = project.request().withEnvironment("VARY", "1").build();

        assertThat(trainer.checkReproducibility(varying, 0.002, List.of()).status()).isEqualTo(Status.PASSED);
        assertThat(trainer.checkReproducibility(varying, 0.0, List.of("accuracy")).status()).isEqualTo(Status.PASSED);
    }
}
