package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.judge.RolloutJudge;
import io.jenkins.plugins.mldelivery.core.canary.judge.StepJudgement;
import io.jenkins.plugins.mldelivery.core.canary.judge.StepVerdict;
import io.jenkins.plugins.mldelivery.core.canary.plan.InconclusivePolicy;
import io.jenkins.plugins.mldelivery.core.canary.plan.RestartPolicy;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.plan.TrafficStep;
import io.jenkins.plugins.mldelivery.core.canary.router.TrafficRouter;
import io.jenkins.plugins.mldelivery.core.canary.router.TrafficRouters;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.canary.source.AnalysisWindow;
import io.jenkins.plugins.mldelivery.core.canary.source.Collected;
import io.jenkins.plugins.mldelivery.core.canary.source.MetricSource;
import io.jenkins.plugins.mldelivery.core.canary.source.MetricSources;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs a rollout one transition at a time, persisting its state atomically after each, so that
 * a controller that restarts (a Jenkins restart, a killed CLI) resumes or rolls back, and traffic
 * is never left half-shifted without an owner. {@link #advance()} never waits for an analysis: it
 * says when the next transition is due, so a resumable pipeline step can schedule it;
 * {@link #run()} loops and sleeps through the injected sleeper.
 */
public final class RolloutController implements AutoCloseable {
    private static final int ROLLBACK_ATTEMPTS = 3;
    private static final Duration ROLLBACK_BACKOFF = Duration.ofSeconds(1);

    private final RolloutPlan plan;
    private final Path stateFile;
    private final TrafficRouter router;
    private final MetricSource source;
    private final RolloutJudge judge;
    private final Clock clock;
    private final Sleeper sleeper;
    private RolloutState state;
    private String finishedBefore;

    /**
     * What one call of {@link #advance()} left behind.
     *
     * @param state     the state now
     * @param changed   whether a transition happened
     * @param nextAt    when the next transition is due, or {@code null} when the rollout is settled
     */
    public record Progress(RolloutState state, boolean changed, Instant nextAt) {
    }

    private RolloutController(final RolloutPlan plan, final Path stateFile, final TrafficRouter router, final MetricSource source,
            final Clock clock, final Sleeper sleeper, final RolloutState state) {
        this.plan = plan;
        this.stateFile = stateFile;
        this.router = router;
        this.source = source;
        this.judge = RolloutJudge.of(plan);
        this.clock = clock;
        this.sleeper = sleeper;
        this.state = state;
    }

    /**
     * Creates a controller from a plan and its state file: a new rollout if the file does not
     * exist, else the rollout it holds (which must follow the same plan). A resumed, unsettled
     * rollout whose plan says {@code onRestart: rollback} is turned to rolling back at once.
     *
     * @param plan      the plan
     * @param stateFile where the state lives
     * @param router    moves traffic
     * @param source    collects samples
     * @param clock     tells the time
     * @param sleeper   waits
     * @param owner     who runs the rollout now, recorded in the state
     * @return the controller
     * @throws BadInputException if the state file belongs to another plan or is unreadable
     */
    public static RolloutController create(final RolloutPlan plan, final Path stateFile, final TrafficRouter router,
            final MetricSource source, final Clock clock, final Sleeper sleeper, final String owner) {
        if (plan.stable().unresolved() || plan.canary().unresolved()) {
            throw new IllegalArgumentException("the plan names registry aliases; resolve them first with RegistryModels.resolve (open does)");
        }
        Instant now = clock.instant();
        RolloutController controller;
        RolloutState saved = RolloutStateFile.read(plan, stateFile);
        if (saved == null || saved.phase() == RolloutPhase.NEW) {
            checkInputs(plan, source);
        }
        if (saved != null) {
            controller = new RolloutController(plan, stateFile, router, source, clock, sleeper, saved);
            controller.finishedBefore = finishedNote(saved, stateFile);
            controller.resume(owner, now);
        }
        else {
            controller = new RolloutController(plan, stateFile, router, source, clock, sleeper,
                    RolloutState.start(plan.sha256(), owner, plan.stable(), plan.canary(), now));
            controller.save(controller.state);
        }
        return controller;
    }

    /** Checks the source's inputs before the first move: a rollout that cannot be analysed must not start. */
    private static void checkInputs(final RolloutPlan plan, final MetricSource source) {
        try {
            source.checkInputs();
        }
        catch (BadInputException e) {
            throw new BadInputException(plan.file() + ": " + e.getMessage() + "; nothing was started", e);
        }
    }

    /** Says, for a rerun over the state of a finished rollout, that it finished and how to start again. */
    private static String finishedNote(final RolloutState saved, final Path stateFile) {
        RolloutPhase phase = saved.phase();
        if (phase != RolloutPhase.PROMOTED && phase != RolloutPhase.ROLLED_BACK && phase != RolloutPhase.FAILED) {
            return null;
        }
        return stateFile + " holds a rollout that already finished (" + phase
                + (saved.finishedAt() == null ? "" : " at " + saved.finishedAt()) + "); nothing was done now and its result"
                + " is shown again. To start a new rollout, delete " + stateFile + " (or give another state file)";
    }

    /**
     * Says whether this controller was opened on the state of a rollout that had already finished
     * (promoted, rolled back or failed), which a rerun of the same command only shows again.
     *
     * @return the note for people, naming the state file and how to start a new rollout; empty otherwise
     */
    public java.util.Optional<String> finishedBefore() {
        return java.util.Optional.ofNullable(finishedBefore);
    }

    /**
     * Creates a controller with the router and metrics source the plan names, and the plan's state file.
     *
     * @param plan    the plan
     * @param clock   tells the time
     * @param sleeper waits
     * @param owner   who runs the rollout now
     * @return the controller; close it to release the router's and source's connections
     */
    public static RolloutController open(final RolloutPlan plan, final Clock clock, final Sleeper sleeper, final String owner) {
        return open(plan, plan.stateFile(), clock, sleeper, owner);
    }

    /**
     * Creates a controller with the router and metrics source the plan names, and the given state file.
     *
     * @param plan      the plan
     * @param stateFile where the state lives
     * @param clock     tells the time
     * @param sleeper   waits
     * @param owner     who runs the rollout now
     * @return the controller; close it to release the router's and source's connections
     */
    public static RolloutController open(final RolloutPlan plan, final Path stateFile, final Clock clock, final Sleeper sleeper,
            final String owner) {
        RolloutPlan resolved = RolloutStateFile.pinned(plan, stateFile);
        TrafficRouter router = TrafficRouters.create(resolved.router(), resolved.directory(), sleeper);
        try {
            // the state keeps the registry's sources; the scoring command gets them as local files
            MetricSource source = MetricSources.create(RegistryModelFiles.local(resolved, stateFile), sleeper);
            return create(resolved, stateFile, router, source, clock, sleeper, owner);
        }
        catch (RuntimeException e) {
            router.close();
            throw e;
        }
    }

    private void resume(final String owner, final Instant now) {
        RolloutPhase phase = state.phase();
        if (phase.settled() || phase == RolloutPhase.NEW) {
            if (!Objects.equals(owner, state.owner())) {
                save(state.toBuilder().owner(owner).enter(phase, now, "opened by " + owner));
            }
            return;
        }
        String who = "resumed by " + owner + " (was " + state.owner() + ")";
        if (plan.onRestart() == RestartPolicy.ROLLBACK && phase != RolloutPhase.ROLLING_BACK && phase != RolloutPhase.PROMOTING) {
            save(state.toBuilder().owner(owner).reason("the controller restarted and the plan says to roll back on restart")
                    .failedAnalysisAt(now).enter(RolloutPhase.ROLLING_BACK, now, who + "; rolling back as the plan says"));
        }
        else {
            save(state.toBuilder().owner(owner).enter(phase, now, who + "; repeating " + phase.name().toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * Returns the current state.
     *
     * @return the state, as last persisted
     */
    public RolloutState state() {
        return state;
    }

    /**
     * Makes at most one transition: sets the next weight, analyses a step that is due, promotes
     * or rolls back. Returns at once when the current step's analysis is not due yet.
     *
     * @return the state and when the next transition is due
     */
    public Progress advance() {
        Instant now = clock.instant();
        RolloutState before = state;
        switch (state.phase()) {
            case NEW -> save(state.toBuilder().startedAt(now).stepIndex(0).targetWeight(plan.steps().get(0).weight())
                    .enter(RolloutPhase.SHIFTING, now, "rollout of " + plan.model() + " " + plan.canary().version() + " started"));
            case SHIFTING -> shift(now);
            case ANALYSING -> {
                if (Duration.between(state.startedAt(), now).compareTo(plan.maxDuration()) > 0) {
                    save(state.toBuilder().reason("the rollout exceeded its maximum duration of " + plan.maxDuration())
                            .failedAnalysisAt(now).enter(RolloutPhase.ROLLING_BACK, now, "maximum duration exceeded"));
                }
                else if (now.isBefore(state.analysisDueAt())) {
                    return new Progress(state, false, state.analysisDueAt());
                }
                else {
                    analyse(now);
                }
            }
            case PROMOTING -> promote(now);
            case ROLLING_BACK -> rollback(now);
            default -> {
                return new Progress(state, false, null);
            }
        }
        Instant next = state.phase().settled() ? null
                : state.phase() == RolloutPhase.ANALYSING ? state.analysisDueAt() : clock.instant();
        return new Progress(state, state != before, next);
    }

    /**
     * Runs the rollout until it settles, sleeping until each analysis is due.
     *
     * @return the result
     */
    public CanaryResult run() {
        while (!state.phase().settled()) {
            Progress progress = advance();
            if (progress.nextAt() != null) {
                sleeper.sleep(Duration.between(clock.instant(), progress.nextAt()));
            }
        }
        return result();
    }

    /**
     * Resolves a held rollout: continue as if the held step had passed, or roll back.
     *
     * @param continueRollout true to continue, false to roll back
     * @param person          who decided, for the log
     * @return the state after the decision (no router call happens until the next {@link #advance()})
     * @throws IllegalStateException unless the rollout is held
     */
    public Progress resolveHold(final boolean continueRollout, final String person) {
        if (state.phase() != RolloutPhase.HELD) {
            throw new IllegalStateException("the rollout is " + state.phase() + ", not HELD");
        }
        Instant now = clock.instant();
        if (continueRollout) {
            proceed(state.toBuilder().reason(null).externalFailure(false), now, person + " continued the held rollout");
        }
        else {
            save(state.toBuilder().reason("rolled back by " + person + " after a hold").failedAnalysisAt(now)
                    .enter(RolloutPhase.ROLLING_BACK, now, person + " rolled back the held rollout"));
        }
        return new Progress(state, true, clock.instant());
    }

    /**
     * Aborts an unsettled or held rollout: the next {@link #advance()} rolls back.
     *
     * @param why why, in one line, for the result
     * @return the state after the decision
     */
    public Progress abort(final String why) {
        if (state.phase().settled() && state.phase() != RolloutPhase.HELD) {
            return new Progress(state, false, null);
        }
        Instant now = clock.instant();
        save(state.toBuilder().reason(why).failedAnalysisAt(now).enter(RolloutPhase.ROLLING_BACK, now, "aborted: " + why));
        return new Progress(state, true, now);
    }

    /**
     * Returns the result of a settled rollout.
     *
     * @return the result
     * @throws IllegalStateException if the rollout has not settled
     */
    public CanaryResult result() {
        List<InputIdentity> inputs = new ArrayList<>();
        inputs.add(InputIdentity.of(plan.file()));
        inputs.addAll(source.inputs());
        return CanaryResult.of(plan, state, inputs, stateFile);
    }

    @Override
    public void close() {
        try {
            router.close();
        }
        finally {
            source.close();
        }
    }

    private void shift(final Instant now) {
        TrafficStep step = plan.steps().get(state.stepIndex());
        if (!step.analysed()) {
            save(state.toBuilder().targetWeight(null).enter(RolloutPhase.PROMOTING, now, "reached 100%: promoting"));
            return;
        }
        try {
            router.setCanaryWeight(step.weight());
        }
        catch (RuntimeException e) {
            save(state.toBuilder().reason("the router failed to set the canary's weight to " + step.weight() + "%: " + e.getMessage())
                    .externalFailure(true).failedAnalysisAt(now)
                    .enter(RolloutPhase.ROLLING_BACK, clock.instant(), "router failed; rolling back"));
            return;
        }
        Instant set = clock.instant();
        save(state.toBuilder().canaryWeight(step.weight()).targetWeight(null).step(set, set.plus(step.interval()))
                .enter(RolloutPhase.ANALYSING, set, "canary at " + step.weight() + "% via " + router.describe()));
    }

    private void analyse(final Instant now) {
        int index = analysedIndex(state.stepIndex());
        TrafficStep step = plan.steps().get(state.stepIndex());
        StepRecord record;
        try {
            Collected collected = source.collect(new AnalysisWindow(index, step.weight(), state.stepStartedAt(), now));
            List<StepJudgement> history = state.steps().stream().filter(s -> !s.metrics().isEmpty()).map(StepRecord::judgement).toList();
            StepJudgement judgement = judge.judge(index, step.weight(), collected.samples(), history);
            record = new StepRecord(index, step.weight(), judgement.score(), judgement.verdict(), judgement.reason(), judgement.metrics(),
                    state.stepStartedAt(), clock.instant(), collected.notes());
        }
        catch (RuntimeException e) {
            record = new StepRecord(index, step.weight(), null, StepVerdict.INCONCLUSIVE, "metrics source failed: " + e.getMessage(),
                    List.of(), state.stepStartedAt(), clock.instant(), List.of());
        }
        Instant analysed = record.analysedAt();
        RolloutState.Builder next = state.toBuilder().addStep(record);
        String where = "step " + (index + 1) + " at " + step.weight() + "%";
        switch (record.decision()) {
            case PASS -> proceed(next, analysed, where + " passed: " + record.reason());
            case FAIL -> save(next.reason(where + " failed: " + record.reason()).failedAnalysisAt(analysed)
                    .enter(RolloutPhase.ROLLING_BACK, analysed, where + " failed; rolling back"));
            default -> {
                boolean external = record.metrics().isEmpty();
                if (plan.inconclusive() == InconclusivePolicy.HOLD) {
                    save(next.reason(where + " was inconclusive: " + record.reason()).externalFailure(external)
                            .finished(analysed, describeTraffic()).enter(RolloutPhase.HELD, analysed, where + " inconclusive; holding for a person"));
                }
                else {
                    save(next.reason(where + " was inconclusive: " + record.reason()).externalFailure(external).failedAnalysisAt(analysed)
                            .enter(RolloutPhase.ROLLING_BACK, analysed, where + " inconclusive; rolling back as the plan says"));
                }
            }
        }
    }

    /** Moves to the next step, or to promotion after the last analysed one. */
    private void proceed(final RolloutState.Builder next, final Instant now, final String message) {
        int following = state.stepIndex() + 1;
        if (following < plan.steps().size() && plan.steps().get(following).analysed()) {
            save(next.stepIndex(following).targetWeight(plan.steps().get(following).weight()).finished(null, null)
                    .enter(RolloutPhase.SHIFTING, now, message));
        }
        else {
            save(next.stepIndex(Math.min(following, plan.steps().size() - 1)).finished(null, null)
                    .enter(RolloutPhase.PROMOTING, now, message));
        }
    }

    private void promote(final Instant now) {
        try {
            router.promote();
        }
        catch (RuntimeException e) {
            save(state.toBuilder().reason("the router failed to promote the canary: " + e.getMessage()).externalFailure(true)
                    .failedAnalysisAt(now).enter(RolloutPhase.ROLLING_BACK, clock.instant(), "promotion failed; rolling back"));
            return;
        }
        Instant done = clock.instant();
        String reason = state.reason() == null ? "every analysed step passed" : state.reason();
        save(state.toBuilder().canaryWeight(100).reason(reason).finished(done, "all traffic on " + plan.canary().version()
                + ", now the stable version (" + router.describe() + ")").enter(RolloutPhase.PROMOTED, done, "promoted"));
    }

    private void rollback(final Instant now) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ROLLBACK_ATTEMPTS; attempt++) {
            try {
                router.rollback();
                last = null;
                break;
            }
            catch (RuntimeException e) {
                last = e;
                if (attempt < ROLLBACK_ATTEMPTS) {
                    sleeper.sleep(ROLLBACK_BACKOFF.multipliedBy(attempt));
                }
            }
        }
        Instant done = clock.instant();
        if (last != null) {
            String traffic = describeTraffic();
            save(state.toBuilder().externalFailure(true).reason(state.reason() + "; the rollback failed " + ROLLBACK_ATTEMPTS + " times: "
                    + last.getMessage() + "; traffic: " + traffic).finished(done, traffic)
                    .enter(RolloutPhase.FAILED, done, "rollback failed"));
            return;
        }
        Long millis = state.failedAnalysisAt() == null ? null : Duration.between(state.failedAnalysisAt(), done).toMillis();
        String reason = AliasRestore.afterRollback(plan, state.stable(), state.canary(), state.owner(), String.valueOf(state.reason()),
                        judgedRegression())
                .map(alias -> state.reason() + "; " + alias).orElse(state.reason());
        save(state.toBuilder().canaryWeight(0).rollbackMillis(millis).reason(reason)
                .finished(done, "all traffic on the stable version " + plan.stable().version() + ", canary scaled down (" + router.describe() + ")")
                .enter(RolloutPhase.ROLLED_BACK, done, "rolled back"));
    }

    /**
     * Says whether the rollback comes from the judge finding the canary worse: an analysis failed on
     * the canary's own samples (a failed analysis always starts the rollback, so a person's abort
     * while it rolls back does not change why). A rollback for any other reason (a router or metrics
     * source that failed, an inconclusive step, the maximum duration, a person) says nothing about the model.
     */
    private boolean judgedRegression() {
        return !state.externalFailure() && state.steps().stream().anyMatch(step -> step.decision() == StepVerdict.FAIL);
    }

    /** Says where traffic is after a failure, reading the router if it answers. */
    private String describeTraffic() {
        String confirmed = "the last confirmed canary weight was " + state.canaryWeight() + "%"
                + (state.targetWeight() != null ? " (setting " + state.targetWeight() + "% was attempted)" : "");
        try {
            return router.snapshot().description() + "; " + confirmed;
        }
        catch (ExternalSystemException | IllegalStateException e) {
            return "unknown, the router cannot be read (" + e.getMessage() + "); " + confirmed;
        }
    }

    private int analysedIndex(final int stepIndex) {
        int index = 0;
        for (int i = 0; i < stepIndex; i++) {
            if (plan.steps().get(i).analysed()) {
                index++;
            }
        }
        return index;
    }

    private void save(final RolloutState next) {
        ResultJson.write(stateFile, next);
        state = next;
    }
}
