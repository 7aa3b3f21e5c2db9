package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.judge.Classification;
import io.jenkins.plugins.mldelivery.core.canary.judge.StepVerdict;
import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RetryPolicy;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.source.MetricSource;
import io.jenkins.plugins.mldelivery.core.canary.source.RetryingSource;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class RolloutControllerTest {
    private static final Instant START = Instant.parse("2026-08-01T10:00:00Z");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final FakeTime time = new FakeTime(START);
    private final RecordingRouter router = new RecordingRouter();

    private RolloutPlan plan(final String extra) throws IOException {
        Path file = folder.getRoot().toPath().resolve("canary.yaml");
        Files.writeString(file, String.join("\n",
                "model: credit-risk",
                "stable: {version: '3'}",
                "canary: {version: '4'}",
                "steps: [5, 25, 50, 100]",
                "interval: 5m",
                "metrics:",
                "  - {name: error_rate, kind: rate, direction: increase, critical: true}",
                "router: {type: command, setWeight: 'true {weight}', promote: 'true', rollback: 'true'}",
                "source: {type: command, command: 'true'}",
                extra, ""));
        return PlanReader.read(file);
    }

    private RolloutController controller(final RolloutPlan plan, final MetricSource source) {
        return RolloutController.create(plan, plan.stateFile(), router, source, time, time, "test");
    }

    @Test
    public void shouldPromoteAfterEveryAnalysedStepPasses() throws IOException {
        RolloutPlan plan = plan("");
        RolloutController controller = controller(plan, new ScriptedSource(0.01, 0.01, 2000));

        CanaryResult result = controller.run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(router.calls).containsExactly("weight 5", "weight 25", "weight 50", "promote");
        assertThat(result.steps()).extracting(StepRecord::weight).containsExactly(5, 25, 50);
        assertThat(result.steps()).extracting(StepRecord::decision).containsOnly(StepVerdict.PASS);
        assertThat(time.instant()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(ResultJson.read(plan.stateFile(), RolloutState.class).phase()).isEqualTo(RolloutPhase.PROMOTED);
    }

    @Test
    public void shouldRollBackAsSoonAsADoubledErrorRateIsClear() throws IOException {
        RolloutController controller = controller(plan(""), new ScriptedSource(0.01, 0.02, 2000));

        CanaryResult result = controller.run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(router.calls).containsExactly("weight 5", "weight 25", "rollback");
        StepRecord failed = result.steps().get(result.steps().size() - 1);
        assertThat(failed.decision()).isEqualTo(StepVerdict.FAIL);
        assertThat(failed.metrics().get(0).classification()).isEqualTo(Classification.HIGH);
        assertThat(result.reason()).startsWith("step 2 at 25% failed: critical metric error_rate High");
        assertThat(result.traffic()).startsWith("all traffic on the stable version 3");
        assertThat(result.rollbackMillis()).isZero();
    }

    @Test
    public void shouldPersistTheStateAfterEveryTransition() throws IOException {
        RolloutPlan plan = plan("");
        RolloutController controller = controller(plan, new ScriptedSource(0.01, 0.01, 2000));
        List<RolloutPhase> persisted = new ArrayList<>();

        while (!controller.state().phase().settled()) {
            RolloutController.Progress progress = controller.advance();
            RolloutState onDisk = ResultJson.read(plan.stateFile(), RolloutState.class);
            assertThat(onDisk).isEqualTo(progress.state());
            if (progress.changed()) {
                persisted.add(onDisk.phase());
            }
            if (progress.nextAt() != null && progress.nextAt().isAfter(time.instant())) {
                time.sleep(Duration.between(time.instant(), progress.nextAt()));
            }
        }

        assertThat(persisted).containsExactly(RolloutPhase.SHIFTING, RolloutPhase.ANALYSING, RolloutPhase.SHIFTING,
                RolloutPhase.ANALYSING, RolloutPhase.SHIFTING, RolloutPhase.ANALYSING, RolloutPhase.PROMOTING, RolloutPhase.PROMOTED);
    }

    @Test
    public void shouldNotWaitInsideAdvanceButSayWhenTheAnalysisIsDue() throws IOException {
        RolloutController controller = controller(plan(""), new ScriptedSource(0.01, 0.01, 2000));
        controller.advance();
        controller.advance();

        RolloutController.Progress progress = controller.advance();

        assertThat(progress.changed()).isFalse();
        assertThat(progress.nextAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    public void shouldResumeWhereAKilledControllerStoppedWithoutRepeatingAnalyses() throws IOException {
        RolloutPlan plan = plan("");
        ScriptedSource source = new ScriptedSource(0.01, 0.01, 2000);
        RolloutController first = controller(plan, source);
        first.advance(); // shifting to 5
        first.advance(); // 5% set
        time.sleep(Duration.ofMinutes(5));
        first.advance(); // step 1 analysed, shifting to 25
        first.advance(); // 25% set
        // the process dies here; a new one opens the same state file

        RolloutController second = controller(plan, source);
        CanaryResult result = second.run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(source.windows).hasSize(3);
        assertThat(router.calls).containsExactly("weight 5", "weight 25", "weight 50", "promote");
        assertThat(result.transitions()).extracting(Transition::message).anyMatch(m -> m.startsWith("resumed by test"));
    }

    @Test
    public void shouldRepeatATrafficChangeThatWasAnnouncedButNotConfirmed() throws IOException {
        RolloutPlan plan = plan("");
        RolloutController first = controller(plan, new ScriptedSource(0.01, 0.01, 2000));
        first.advance(); // SHIFTING to 5% persisted; the process dies before calling the router

        RolloutController second = controller(plan, new ScriptedSource(0.01, 0.01, 2000));
        second.advance();

        assertThat(router.calls).containsExactly("weight 5");
        assertThat(second.state().phase()).isEqualTo(RolloutPhase.ANALYSING);
        assertThat(second.state().canaryWeight()).isEqualTo(5);
    }

    @Test
    public void shouldRollBackFirstWhenRestartedUnderAPlanThatSaysSo() throws IOException {
        RolloutPlan plan = plan("onRestart: rollback");
        RolloutController first = controller(plan, new ScriptedSource(0.01, 0.01, 2000));
        first.advance();
        first.advance();

        CanaryResult result = controller(plan, new ScriptedSource(0.01, 0.01, 2000)).run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(router.calls).containsExactly("weight 5", "rollback");
        assertThat(result.reason()).isEqualTo("the controller restarted and the plan says to roll back on restart");
    }

    @Test
    public void shouldRetryASilentMetricsSourceWithBackoffThenRollBackAsInconclusive() throws IOException {
        ScriptedSource source = new ScriptedSource(0.01, 0.01, 2000);
        source.failures = 10;
        RetryingSource retrying = new RetryingSource(source, new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(5)), time);

        CanaryResult result = controller(plan(""), retrying).run();

        assertThat(source.windows).hasSize(3);
        assertThat(time.sleeps()).containsSubsequence(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.externalFailure()).isTrue();
        assertThat(result.steps().get(0).decision()).isEqualTo(StepVerdict.INCONCLUSIVE);
        assertThat(result.reason()).isEqualTo("step 1 at 5% was inconclusive: metrics source failed: prometheus http://127.0.0.1:9/: "
                + "error_rate: Connection refused (after 3 attempts)");
    }

    @Test
    public void shouldRecoverWhenTheMetricsSourceAnswersWithinItsRetries() throws IOException {
        ScriptedSource source = new ScriptedSource(0.01, 0.01, 2000);
        source.failures = 2;
        RetryingSource retrying = new RetryingSource(source, new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(5)), time);

        CanaryResult result = controller(plan(""), retrying).run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.PROMOTED);
    }

    @Test
    public void shouldHoldOnAnInconclusiveAnalysisAndLetAPersonContinue() throws IOException {
        ScriptedSource source = new ScriptedSource(0.01, 0.01, 2000);
        source.failures = 1;
        source.retryable = false;
        RolloutController controller = controller(plan("inconclusive: hold"), source);

        CanaryResult held = controller.run();

        assertThat(held.decision()).isEqualTo(CanaryDecision.HELD);
        assertThat(held.status()).isEqualTo(Status.WARNING);
        assertThat(held.traffic()).startsWith("canary 5%, stable 95%");
        assertThat(router.calls).containsExactly("weight 5");

        controller.resolveHold(true, "alice");
        CanaryResult resumed = controller.run();

        assertThat(resumed.decision()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(router.calls).containsExactly("weight 5", "weight 25", "weight 50", "promote");
    }

    @Test
    public void shouldRollBackAHeldRolloutWhenAPersonSaysSo() throws IOException {
        ScriptedSource source = new ScriptedSource(0.01, 0.01, 2000);
        source.failures = 1;
        source.retryable = false;
        RolloutController controller = controller(plan("inconclusive: hold"), source);
        controller.run();

        controller.resolveHold(false, "alice");

        assertThat(controller.run().decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(router.calls).containsExactly("weight 5", "rollback");
    }

    @Test
    public void shouldRollBackWhenTheRouterFailsToShiftTraffic() throws IOException {
        router.failSetWeightAt = 25;

        CanaryResult result = controller(plan(""), new ScriptedSource(0.01, 0.01, 2000)).run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.externalFailure()).isTrue();
        assertThat(result.reason()).startsWith("the router failed to set the canary's weight to 25%: kubernetes: patching HTTPRoute");
        assertThat(router.calls).containsExactly("weight 5", "weight 25", "rollback");
    }

    @Test
    public void shouldFailAndSayExactlyWhereTrafficIsWhenTheRollbackFailsToo() throws IOException {
        router.failSetWeightAt = 50;
        router.rollbackFailures = 3;

        CanaryResult result = controller(plan(""), new ScriptedSource(0.01, 0.01, 2000)).run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.FAILED);
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(router.calls).containsExactly("weight 5", "weight 25", "weight 50", "rollback", "rollback", "rollback");
        assertThat(result.traffic()).isEqualTo("canary 25%, stable 75% on HTTPRoute shop/credit-risk; "
                + "the last confirmed canary weight was 25% (setting 50% was attempted)");
        assertThat(result.reason()).contains("the rollback failed 3 times").endsWith("traffic: " + result.traffic());
    }

    @Test
    public void shouldSayTheLastConfirmedWeightWhenTheRouterCannotEvenBeRead() throws IOException {
        router.failSetWeightAt = 50;
        router.rollbackFailures = 3;
        router.snapshotFails = true;

        CanaryResult result = controller(plan(""), new ScriptedSource(0.01, 0.01, 2000)).run();

        assertThat(result.traffic()).isEqualTo("unknown, the router cannot be read (kubernetes: reading HTTPRoute shop/credit-risk: "
                + "connection refused); the last confirmed canary weight was 25% (setting 50% was attempted)");
    }

    @Test
    public void shouldRollBackARolloutThatOutlivesItsMaximumDuration() throws IOException {
        RolloutController controller = controller(plan("maxDuration: 7m"), new ScriptedSource(0.01, 0.01, 2000));

        CanaryResult result = controller.run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.reason()).isEqualTo("the rollout exceeded its maximum duration of PT7M");
    }

    @Test
    public void shouldRefuseTheStateOfAnotherPlan() throws IOException {
        RolloutPlan plan = plan("");
        controller(plan, new ScriptedSource(0.01, 0.01, 2000)).advance();
        RolloutPlan edited = plan("alpha: 0.01");

        assertThatThrownBy(() -> controller(edited, new ScriptedSource(0.01, 0.01, 2000)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("canary.state.json: this state belongs to another plan");
    }

    @Test
    public void shouldReturnTheSameResultWhenOpenedAgainAfterItSettled() throws IOException {
        RolloutPlan plan = plan("");
        CanaryResult first = controller(plan, new ScriptedSource(0.01, 0.02, 2000)).run();

        CanaryResult again = controller(plan, new ScriptedSource(0.01, 0.02, 2000)).run();

        assertThat(again.decision()).isEqualTo(first.decision());
        assertThat(again.steps()).isEqualTo(first.steps());
        assertThat(router.calls).containsExactly("weight 5", "weight 25", "rollback");
    }
}
