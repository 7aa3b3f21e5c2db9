package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.Assume.assumeTrue;

public class TrainingProcessTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final TrainingProcess process = new TrainingProcess(Clock.systemUTC(), 5);
    private Path dir;

    @Before
    public void needsAPosixShell() {
        assumeTrue("the scripts are POSIX shell", Files.isExecutable(Path.of("/bin/sh")));
        dir = folder.getRoot().toPath();
    }

    private ProcessOutcome run(final String script, final Duration timeout) {
        return process.run(TrainingCommand.ofShellLine(script), dir, Map.of(), timeout, lines::add);
    }

    @Test
    public void shouldPassEachLineOnWhileTheCommandIsStillRunning() {
        // The command waits for a file that only the line consumer creates: buffered output would deadlock until the timeout.
        ProcessOutcome outcome = process.run(TrainingCommand.ofShellLine(
                        "echo ready; while [ ! -f go ]; do sleep 0.05; done; echo done"), dir, Map.of(), Duration.ofSeconds(20),
                line -> {
                    lines.add(line);
                    if (line.equals("ready")) {
                        touch(dir.resolve("go"));
                    }
                });

        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.exitCode()).isZero();
        assertThat(lines).containsExactly("ready", "done");
    }

    @Test
    public void shouldKeepTheLastLinesOfStandardOutputAndErrorAndTheExitCode() {
        ProcessOutcome outcome = run("i=1; while [ $i -le 30 ]; do echo line $i; i=$((i+1)); done; echo oops >&2; exit 3",
                Duration.ofSeconds(20));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).containsExactly("line 27", "line 28", "line 29", "line 30", "oops");
        assertThat(lines).hasSize(31);
    }

    @Test
    public void shouldKillTheWholeProcessTreeWhenTheTimeoutRunsOut() throws Exception {
        ProcessOutcome outcome = run("sleep 60 & echo $! > child.pid; echo started; sleep 60", Duration.ofMillis(1500));

        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.exitCode()).isEqualTo(-1);
        assertThat(outcome.durationMillis()).isLessThan(15_000);
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        assertThat(running(child)).as("the background child %d", child).isFalse();
        assertThat(lines).startsWith("started");
    }

    @Test
    public void shouldGiveTheCommandItsEnvironmentAndWorkingDirectory() throws Exception {
        process.run(TrainingCommand.ofArguments(List.of("/bin/sh", "-c", "echo $GREETING from $(pwd)")), dir,
                Map.of("GREETING", "hello"), Duration.ofSeconds(20), lines::add);

        assertThat(lines).containsExactly("hello from " + dir.toRealPath());
    }

    @Test
    public void shouldSayWhichProgramWasNotFound() {
        assertThatThrownBy(() -> process.run(TrainingCommand.ofArguments(List.of("no-such-trainer-xyz", "--fast")), dir,
                Map.of(), Duration.ofSeconds(5), lines::add))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("command not found: 'no-such-trainer-xyz'");
    }

    @Test
    public void shouldSayWhenTheWorkingDirectoryDoesNotExist() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> process.run(TrainingCommand.ofShellLine("true"), missing, Map.of(), Duration.ofSeconds(5), lines::add))
                .isInstanceOf(BadInputException.class)
                .hasMessage("working directory " + missing + " does not exist");
    }

    @Test
    public void shouldShowAnArgumentListAsAPersonWouldTypeIt() {
        assertThat(TrainingCommand.ofArguments(List.of("python", "train.py", "--name", "my model")).display())
                .isEqualTo("python train.py --name 'my model'");
        assertThat(TrainingCommand.ofShellLine("python train.py && echo ok").processArguments())
                .containsExactly("/bin/sh", "-c", "python train.py && echo ok");
    }

    /** A process is gone when /proc has no entry for it, or only a zombie waiting for its new parent to reap it. */
    static boolean running(final long pid) throws IOException {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(Path.of("/proc/self/stat"))) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        }
        catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static void touch(final Path file) {
        try {
            Files.writeString(file, "");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
