package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.Assume.assumeTrue;

public class SweepTest {
    private static final String GRID = """
            metric: accuracy
            direction: maximize
            grid:
              model.depth: [1, 3, 2]
              model.lr: [0.1, 0.3]
            """;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Trainer trainer = new Trainer(output::add, Clock.systemUTC());
    private ToyProject project;
    private Path artifacts;

    @Before
    public void createProject() throws Exception {
        assumeTrue("the toy trainer is a POSIX shell script", Files.isExecutable(Path.of("/bin/sh")));
        project = ToyProject.in(folder.newFolder("project").toPath());
        artifacts = folder.getRoot().toPath().resolve("artifacts");
    }

    private SweepPlan plan(final String yaml, final Integer parallel) throws Exception {
        Path file = folder.getRoot().toPath().resolve("sweep.yaml");
        Files.writeString(file, yaml);
        return SweepPlan.read(file, null, null, parallel);
    }

    @Test
    public void shouldRunEveryCombinationInGridOrderAndKeepTheBestTrial() throws Exception {
        TrainResult result = trainer.sweep(project.request().publishingTo(artifacts).build(), plan(GRID, null));

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASSED);
        SweepSummary sweep = result.sweep();
        assertThat(sweep.trials()).extracting(Trial::overrides).containsExactly(
                Map.of("model.depth", 1, "model.lr", 0.1), Map.of("model.depth", 1, "model.lr", 0.3),
                Map.of("model.depth", 3, "model.lr", 0.1), Map.of("model.depth", 3, "model.lr", 0.3),
                Map.of("model.depth", 2, "model.lr", 0.1), Map.of("model.depth", 2, "model.lr", 0.3));
        assertThat(sweep.trials()).extracting(trial -> trial.metrics().get("accuracy"))
                .containsExactly(0.6, 0.56, 0.8, 0.76, 0.7, 0.66);
        assertThat(sweep.bestTrial()).isEqualTo(3);
        assertThat(result.metrics()).containsEntry("accuracy", 0.8);
        assertThat(result.params()).contains(entry("model.depth", 3), entry("model.lr", 0.1));
        assertThat(result.lineage().paramOverrides()).containsExactly("model.depth=3", "model.lr=0.1");
        assertThat(artifacts.resolve("model/model.bin")).hasContent("model depth=3 lr=0.1");
        assertThat(output).contains("[trial 3] training with depth 3 lr 0.1");
    }

    @Test
    public void shouldLeaveTheWorkingDirectoryAsIfTheBestTrialHadRunThereWithItsParamsFileUnchanged() throws Exception {
        trainer.sweep(project.request().build(), plan(GRID.replace("maximize", "minimize"), null));

        assertThat(project.dir().resolve("model/model.bin")).hasContent("model depth=1 lr=0.3");
        assertThat(MetricsFile.read(project.dir().resolve("metrics.json")).values()).containsEntry("accuracy", 0.56);
        assertThat(project.dir().resolve("params.yaml")).hasContent(ToyProject.PARAMS.stripTrailing());
    }

    @Test
    public void shouldGiveTheSameTrialsAndWinnerWhenTrialsRunInParallel() throws Exception {
        TrainResult sequential = trainer.sweep(project.request().build(), plan(GRID, 1));
        TrainResult parallel = trainer.sweep(project.request().build(), plan(GRID, 3));

        assertThat(parallel.sweep().parallel()).isEqualTo(3);
        assertThat(parallel.sweep().bestTrial()).isEqualTo(sequential.sweep().bestTrial());
        assertThat(parallel.sweep().trials()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("durationMillis")
                .isEqualTo(sequential.sweep().trials());
    }

    @Test
    public void shouldWarnAndKeepTheOtherTrialsWhenSomeFail() throws Exception {
        TrainResult result = trainer.sweep(project.request().withEnvironment("FAIL_DEPTH", "3").build(), plan(GRID, 2));

        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.failure()).isEqualTo("2 of 6 trials failed");
        assertThat(result.sweep().bestTrial()).isEqualTo(5);
        Trial failed = result.sweep().trials().get(2);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.failure()).isEqualTo("the command exited with code 4");
        assertThat(failed.outputTail()).endsWith("depth 3 diverged");
    }

    @Test
    public void shouldFailWhenNoTrialPasses() throws Exception {
        TrainResult result = trainer.sweep(project.request().withEnvironment("MODE", "fail").build(), plan(GRID, 2));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).isEqualTo("none of the 6 trials passed; trial 1: the command exited with code 3");
        assertThat(result.sweep().bestTrial()).isNull();
    }

    @Test
    public void shouldRejectAGridKeyTheParamsFileDoesNotHaveBeforeRunningAnyTrial() throws Exception {
        SweepPlan typo = plan(GRID.replace("model.lr", "model.rate"), null);

        assertThatThrownBy(() -> trainer.sweep(project.request().build(), typo))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no parameter 'model.rate'");
        assertThat(output).isEmpty();
    }

    @Test
    public void shouldExplainWhatASweepFileLacks() throws Exception {
        assertThatThrownBy(() -> plan("grid:\n  model.depth: [1]\n", null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("say which metric picks the best trial");
        assertThatThrownBy(() -> plan("metric: acc\ndirection: up\ngrid:\n  a: [1]\n", null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("direction 'up' is not maximize or minimize");
        assertThatThrownBy(() -> plan("metric: acc\ndirection: max\ngrid:\n  a: []\n", null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("grid 'a' has no values");
    }
}
