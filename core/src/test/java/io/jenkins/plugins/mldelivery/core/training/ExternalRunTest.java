package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.Assume.assumeTrue;

/**
 * Specifies a training whose command the caller launches itself (the Jenkins step runs it through
 * the build's launcher, inside the build's container): {@link Trainer#prepare} before,
 * {@link Trainer#record} after, with what crosses between them travelling as JSON.
 */
public class ExternalRunTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Trainer trainer = new Trainer(line -> { }, Clock.systemUTC()).profilingDataWith(new CsvDataProfiler());
    private ToyProject project;

    @Before
    public void createProject() throws IOException {
        assumeTrue("the toy trainer is a POSIX shell script", Files.isExecutable(Path.of("/bin/sh")));
        project = ToyProject.in(folder.newFolder("project").toPath());
    }

    @Test
    public void shouldRecordACommandTheCallerRanAsIfTheTrainerHadRunIt() throws IOException {
        Path artifacts = folder.getRoot().toPath().resolve("artifacts");
        TrainingRequest request = project.request().publishingTo(artifacts).build();
        TrainResult itself = trainer.train(project.request().publishingTo(folder.getRoot().toPath().resolve("own")).build());

        PreparedTraining prepared = PreparedTraining.fromJson(trainer.prepare(request).toJson());
        TrainResult result = trainer.record(request, prepared, launch(prepared, Map.of()));

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASSED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.metrics()).isEqualTo(itself.metrics()).containsEntry("accuracy", 0.7);
        assertThat(result.params()).isEqualTo(itself.params());
        assertThat(result.lineage().data()).isEqualTo(itself.lineage().data());
        assertThat(result.lineage().paramsSha256()).isEqualTo(itself.lineage().paramsSha256());
        assertThat(result.artifacts()).isEqualTo(itself.artifacts()).extracting(Artifact::path)
                .containsExactly("model/model.bin", "profiles/train.csv.profile.json");
        assertThat(artifacts.resolve("model/model.bin")).hasContent("model depth=2 lr=0.1");
        assertThat(result.inputs()).isEqualTo(itself.inputs());
        assertThat(result.outputTail()).containsExactly("training with depth 2 lr 0.1", "done");
    }

    @Test
    public void shouldGiveTheCommandTheOverriddenParamsThenPutTheFileBack() throws IOException {
        TrainingRequest request = project.request().overriding(ParamOverride.parse("model.depth=4")).build();

        PreparedTraining prepared = trainer.prepare(request);
        String duringTheRun = Files.readString(project.dir().resolve("params.yaml"));
        TrainResult result = trainer.record(request, PreparedTraining.fromJson(prepared.toJson()), launch(prepared, Map.of()));

        assertThat(duringTheRun).contains("depth: 4").doesNotContain("# toy parameters");
        assertThat(result.metrics()).containsEntry("accuracy", 0.9);
        assertThat(result.params()).contains(entry("model.depth", 4));
        assertThat(result.lineage().paramOverrides()).containsExactly("model.depth=4");
        assertThat(project.dir().resolve("params.yaml")).hasContent(ToyProject.PARAMS.stripTrailing());
    }

    @Test
    public void shouldPutTheParamsFileBackWhenTheCommandCouldNotRun() throws IOException {
        TrainingRequest request = project.request().overriding(ParamOverride.parse("seed=7")).build();
        PreparedTraining prepared = trainer.prepare(request);

        trainer.abandon(request, PreparedTraining.fromJson(prepared.toJson()));

        assertThat(project.dir().resolve("params.yaml")).hasContent(ToyProject.PARAMS.stripTrailing());
    }

    @Test
    public void shouldGiveTheCommandItsEnvironmentWithUnbufferedPython() {
        TrainingRequest request = project.request().withEnvironment("MODE", "fail").build();

        PreparedTraining prepared = trainer.prepare(request);
        TrainResult result = trainer.record(request, prepared, launch(prepared, Map.of()));

        assertThat(prepared.environment()).containsExactly(entry("PYTHONUNBUFFERED", "1"), entry("MODE", "fail"));
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).isEqualTo("the command exited with code 3");
        assertThat(result.summary()).contains("| Traceback: boom");
    }

    @Test
    public void shouldFailNamingTheLimitWhenTheCallerKilledTheCommandAtItsTimeout() {
        TrainingRequest request = project.request().timingOutAfter(Duration.ofMinutes(30)).build();
        PreparedTraining prepared = trainer.prepare(request);
        Instant now = Instant.now();

        TrainResult result = trainer.record(request, prepared,
                new ProcessOutcome(143, true, List.of("epoch 3 of 100"), now, now.plusSeconds(1800)));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).isEqualTo("timed out after 1800s; killed the command and every process it started");
        assertThat(result.outputTail()).containsExactly("epoch 3 of 100");
        assertThat(result.artifacts()).isEmpty();
    }

    @Test
    public void shouldRejectAMissingDataFileBeforeTheCommandRuns() {
        TrainingRequest request = project.request().trainingOn(Path.of("data/missing.csv")).build();

        assertThatThrownBy(() -> trainer.prepare(request)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("data/missing.csv");
    }

    @Test
    public void shouldTravelAsJsonWithoutLosingAnything() {
        PreparedTraining prepared = trainer.prepare(project.request().overriding(ParamOverride.parse("seed=7")).build());

        PreparedTraining back = PreparedTraining.fromJson(prepared.toJson());

        assertThat(back).isEqualTo(prepared).hasSameHashCodeAs(prepared);
        assertThat(back.paramsBefore()).asString(StandardCharsets.UTF_8).isEqualTo(ToyProject.PARAMS);
        assertThat(prepared.toJson()).doesNotContain("\n");
        assertThatThrownBy(() -> PreparedTraining.fromJson("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Runs the toy trainer as a launcher outside the engine would: its own process, the prepared environment, a tail of its output. */
    private ProcessOutcome launch(final PreparedTraining prepared, final Map<String, String> buildEnvironment) {
        Instant started = Instant.now();
        OutputTail tail = new OutputTail(20);
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "./train.sh").directory(Path.of(prepared.workDir()).toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(buildEnvironment);
            builder.environment().putAll(prepared.environment());
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(tail);
            }
            return new ProcessOutcome(process.waitFor(), false, tail.lines(), started, Instant.now());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
