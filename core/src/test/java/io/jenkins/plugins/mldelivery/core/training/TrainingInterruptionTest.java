package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.Assume.assumeTrue;

/**
 * A training stopped from outside, as a CI abort (SIGTERM) or a lost agent (SIGKILL) stops it: the
 * training runs in its own JVM ({@link TrainerProcess}) with a command that starts a child and
 * waits, and the test signals that JVM while the command runs.
 */
public class TrainingInterruptionTest {
    /** Records its own pid and its child's, then waits for the child: a training that takes long. */
    private static final String SLOW_COMMAND = "echo $$ > command.pid; sleep 600 & echo $! > child.pid; wait";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<Long> started = new ArrayList<>();
    private ToyProject project;

    @Before
    public void setUp() throws IOException {
        assumeTrue("needs a POSIX shell", Files.isExecutable(Path.of("/bin/sh")));
        project = ToyProject.in(folder.newFolder("project").toPath());
    }

    @After
    public void killLeftovers() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    public void shouldKillTheCommandAndItsChildrenAndPutTheParamsBackOnSigterm() throws Exception {
        Process training = startTraining("model.depth=7");

        training.destroy(); // SIGTERM, what Jenkins and GitHub Actions send on abort

        assertThat(training.waitFor(30, TimeUnit.SECONDS)).as("the training JVM ends").isTrue();
        assertThat(Files.readString(project.dir().resolve("params.yaml"))).isEqualTo(ToyProject.PARAMS);
        assertThat(leftovers(project.dir())).as("no backup is left").isEmpty();
        for (long pid : started) {
            assertThat(endsWithin(pid, 10)).as("process %d of the command is killed", pid).isTrue();
        }
    }

    @Test
    public void shouldPutTheParamsLeftOverriddenBySigkillBackBeforeTheNextRunAndSaySo() throws Exception {
        Process training = startTraining("model.depth=7");

        training.destroyForcibly(); // SIGKILL: nothing in that JVM runs any more
        assertThat(training.waitFor(30, TimeUnit.SECONDS)).isTrue();
        killLeftovers();
        assertThat(Files.readString(project.dir().resolve("params.yaml"))).as("what SIGKILL leaves").contains("depth: 7");

        List<String> lines = new CopyOnWriteArrayList<>();
        TrainResult next = new Trainer(lines::add, Clock.systemUTC()).train(project.request().build());

        assertThat(lines.get(0)).startsWith("restored params.yaml").contains("killed").contains("model.depth=7");
        assertThat(next.status()).isEqualTo(Status.PASSED);
        assertThat(next.params()).containsEntry("model.depth", 2);
        assertThat(Files.readString(project.dir().resolve("params.yaml"))).isEqualTo(ToyProject.PARAMS);
        assertThat(leftovers(project.dir())).isEmpty();
    }

    @Test
    public void shouldPutTheParamsBackEvenForANextRunThatDoesNotNameThem() throws Exception {
        Process training = startTraining("model.depth=7");
        training.destroyForcibly();
        assertThat(training.waitFor(30, TimeUnit.SECONDS)).isTrue();
        killLeftovers();

        List<String> lines = new CopyOnWriteArrayList<>();
        TrainResult next = new Trainer(lines::add, Clock.systemUTC()).train(TrainingRequest
                .command(TrainingCommand.ofArguments(List.of("./train.sh"))).inDirectory(project.dir())
                .readingMetrics(Path.of("metrics.json")).collectingModel("model/**").build());

        assertThat(lines).first().asString().startsWith("restored params.yaml");
        assertThat(lines).contains("training with depth 2 lr 0.1");
        assertThat(next.status()).isEqualTo(Status.PASSED);
        assertThat(Files.readString(project.dir().resolve("params.yaml"))).isEqualTo(ToyProject.PARAMS);
    }

    @Test
    public void shouldRefuseToGuessWhenTheParamsWereEditedAfterTheKilledRun() throws Exception {
        Process training = startTraining("model.depth=7");
        training.destroyForcibly();
        assertThat(training.waitFor(30, TimeUnit.SECONDS)).isTrue();
        killLeftovers();
        Files.writeString(project.dir().resolve("params.yaml"), "model:\n  depth: 5\n  lr: 0.1\nseed: 1\n");

        assertThatThrownBy(() -> new Trainer(line -> { }, Clock.systemUTC()).train(project.request().build()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("params.yaml changed since")
                .hasMessageContaining(".params.yaml.ml-delivery-backup");
        assertThat(Files.readString(project.dir().resolve("params.yaml"))).as("the user's edit is kept").contains("depth: 5");
    }

    /** Starts a training with overrides and waits until its command runs with them. */
    private Process startTraining(final String... overrides) throws Exception {
        List<String> args = new ArrayList<>(List.of(project.dir().toString(), SLOW_COMMAND));
        args.addAll(List.of(overrides));
        Process training = new ProcessBuilder(TrainerProcess.command(args.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(folder.newFile("training.log")).start();
        started.add(training.pid());
        Path childPid = project.dir().resolve("child.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(childPid) && Files.size(childPid) > 0)) {
            assertThat(System.nanoTime()).as("the command starts").isLessThan(deadline);
            assertThat(training.isAlive()).as("the training runs: %s", Files.readString(folder.getRoot().toPath().resolve("training.log")))
                    .isTrue();
            Thread.sleep(20);
        }
        started.add(Long.parseLong(Files.readString(project.dir().resolve("command.pid")).strip()));
        started.add(Long.parseLong(Files.readString(childPid).strip()));
        assertThat(Files.readString(project.dir().resolve("params.yaml"))).as("the command sees the override").contains("depth: 7");
        return training;
    }

    private static boolean endsWithin(final long pid, final int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static List<Path> leftovers(final Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().contains("ml-delivery-backup")).toList();
        }
    }
}
