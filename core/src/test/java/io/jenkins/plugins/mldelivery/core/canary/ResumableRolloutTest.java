package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.Assume.assumeTrue;

/**
 * Specifies the rollout a Jenkins step drives: one move per call, never waiting for an analysis, the
 * state kept by the caller and handed back. The plan is the plugin's test plan: a command router that
 * logs the weights it is given and a command source that prints samples from a file, both real processes.
 */
public class ResumableRolloutTest {
    private static final Instant START = Instant.parse("2026-08-01T10:00:00Z");
    private static final Map<String, Object> ARGUMENTS = Map.of("model", "credit-risk", "steps", List.of(10, 50, 100));
    private static final String SAME = "{\"stable\": {\"error_rate\": {\"events\": 20, \"trials\": 10000}},"
            + " \"canary\": {\"error_rate\": {\"events\": 2, \"trials\": 1000}}}";
    private static final String WORSE = "{\"stable\": {\"error_rate\": {\"events\": 20, \"trials\": 10000}},"
            + " \"canary\": {\"error_rate\": {\"events\": 90, \"trials\": 1000}}}";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final FakeTime time = new FakeTime(START);
    private Path plan;
    private Path stateFile;

    @Before
    public void writePlan() throws IOException {
        assumeTrue("the plan's commands need a POSIX shell and cat", Files.isExecutable(Path.of("/bin/sh")));
        Path dir = folder.getRoot().toPath();
        plan = dir.resolve("canary.yaml");
        Files.writeString(plan, String.join("\n",
                "model: replaced-by-the-step",
                "stable: {version: champion}",
                "canary: {version: challenger}",
                "steps: [5, 25, 100]",
                "interval: 5m",
                "metrics:",
                "  - {name: error_rate, kind: rate, critical: true, allowedChange: {ratio: 1.2}}",
                "router:",
                "  type: command",
                "  setWeight: [sh, -c, 'echo weight $0 >> router.log', '{weight}']",
                "  promote: [sh, -c, 'echo promote >> router.log']",
                "  rollback: [sh, -c, 'echo rollback >> router.log']",
                "source: {type: command, command: [cat, samples.json]}", ""));
        samples(SAME);
        stateFile = dir.resolve(".ml-delivery/build-7-canary.state.json");
    }

    @Test
    public void shouldPromoteThroughMovesThatNeverWaitAndSayWhenToComeBack() throws IOException {
        List<RolloutMove> moves = new ArrayList<>();
        RolloutMove move = ResumableRollout.move(plan, ARGUMENTS, stateFile, null, time, time, "job #7");
        moves.add(move);
        while (!move.settled()) {
            time.sleep(Duration.between(time.instant(), move.nextAt()));
            move = ResumableRollout.move(plan, ARGUMENTS, stateFile, move.state(), time, time, "job #7");
            moves.add(move);
        }

        assertThat(moves).hasSize(3);
        assertThat(moves.get(0).nextAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(moves.get(0).transitions()).extracting(Transition::to)
                .containsExactly(RolloutPhase.SHIFTING, RolloutPhase.ANALYSING);
        assertThat(time.sleeps()).as("only the caller waited").containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(5));
        assertThat(move.result().decision()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(move.result().model()).isEqualTo("credit-risk");
        assertThat(move.result().steps()).extracting(StepRecord::weight).containsExactly(10, 50);
        assertThat(routerLog()).containsExactly("weight 10", "weight 50", "promote");
        assertThat(ResultJson.mapper().readValue(move.state(), RolloutState.class))
                .isEqualTo(ResultJson.read(stateFile, RolloutState.class));
    }

    @Test
    public void shouldGoOnFromTheKeptStateWhenTheStateFileIsGone() throws IOException {
        RolloutMove first = ResumableRollout.move(plan, ARGUMENTS, stateFile, null, time, time, "job #7");
        Files.delete(stateFile);
        time.sleep(Duration.ofMinutes(5));

        RolloutMove second = ResumableRollout.move(plan, ARGUMENTS, stateFile, first.state(), time, time, "job #7");

        assertThat(second.transitions()).extracting(Transition::to)
                .containsExactly(RolloutPhase.SHIFTING, RolloutPhase.ANALYSING);
        assertThat(ResultJson.read(stateFile, RolloutState.class).steps()).extracting(StepRecord::weight).containsExactly(10);
        assertThat(routerLog()).containsExactly("weight 10", "weight 50");
    }

    @Test
    public void shouldKeepAStateFileThatIsAheadOfTheKeptStateSoNoAnalysisRunsTwice() throws IOException {
        RolloutMove first = ResumableRollout.move(plan, ARGUMENTS, stateFile, null, time, time, "job #7");
        time.sleep(Duration.ofMinutes(5));
        ResumableRollout.move(plan, ARGUMENTS, stateFile, first.state(), time, time, "job #7");
        // the caller died before it kept the second move's state: it hands back the first one
        time.sleep(Duration.ofMinutes(5));

        RolloutMove third = ResumableRollout.move(plan, ARGUMENTS, stateFile, first.state(), time, time, "job #7");

        assertThat(third.result().decision()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(third.result().steps()).extracting(StepRecord::weight).containsExactly(10, 50);
        assertThat(routerLog()).containsExactly("weight 10", "weight 50", "promote");
    }

    @Test
    public void shouldRollBackAWorseCanaryAtItsFirstAnalysis() throws IOException {
        samples(WORSE);
        RolloutMove first = ResumableRollout.move(plan, ARGUMENTS, stateFile, null, time, time, "job #7");
        time.sleep(Duration.ofMinutes(5));

        RolloutMove second = ResumableRollout.move(plan, ARGUMENTS, stateFile, first.state(), time, time, "job #7");

        assertThat(second.settled()).isTrue();
        assertThat(second.nextAt()).isNull();
        assertThat(second.result().decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(second.result().status()).isEqualTo(Status.FAILED);
        assertThat(second.result().reason()).startsWith("step 1 at 10% failed: critical metric error_rate High");
        assertThat(routerLog()).containsExactly("weight 10", "rollback");
    }

    @Test
    public void shouldRollBackAtOnceWhenTheCallerIsStopped() throws IOException {
        RolloutMove first = ResumableRollout.move(plan, ARGUMENTS, stateFile, null, time, time, "job #7");

        RolloutMove stopped = ResumableRollout.abort(plan, ARGUMENTS, stateFile, first.state(), "the build was aborted by alice",
                time, time, "job #7");

        assertThat(stopped.result().decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(stopped.result().reason()).isEqualTo("the build was aborted by alice");
        assertThat(stopped.transitions()).extracting(Transition::to)
                .containsExactly(RolloutPhase.ROLLING_BACK, RolloutPhase.ROLLED_BACK);
        assertThat(routerLog()).containsExactly("weight 10", "rollback");
    }

    @Test
    public void shouldRefuseAKeptStateThatIsNotARolloutState() {
        assertThatThrownBy(() -> ResumableRollout.move(plan, ARGUMENTS, stateFile, "{\"phase\": 12}", time, time, "job #7"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("the state kept by the caller is not a rollout state");
    }

    private void samples(final String json) throws IOException {
        Files.writeString(folder.getRoot().toPath().resolve("samples.json"), json);
    }

    private List<String> routerLog() throws IOException {
        Path log = folder.getRoot().toPath().resolve("router.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
