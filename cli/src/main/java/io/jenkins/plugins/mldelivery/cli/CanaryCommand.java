package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.canary.CanaryDecision;
import io.jenkins.plugins.mldelivery.core.canary.CanaryResult;
import io.jenkins.plugins.mldelivery.core.canary.RolloutController;
import io.jenkins.plugins.mldelivery.core.canary.RolloutPhase;
import io.jenkins.plugins.mldelivery.core.canary.Transition;
import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ml-delivery canary}: runs (or resumes) a progressive rollout to its end.
 */
@Command(name = "canary", mixinStandardHelpOptions = true,
        description = {"Roll a model version out in traffic steps, judge each step against the stable version, and promote or "
                + "roll back by itself. The state is saved after every transition: run the same command again to resume."},
        footer = {"", "Exit codes: 0 promoted, 1 rolled back or held, 2 bad plan or options, 3 an external system "
                + "(router, metrics source) failed.", "", "Examples:",
                "  ml-delivery canary --plan canary.yaml --json canary.json",
                "  ml-delivery canary --plan canary.yaml --steps 10,50,100",
                "  ml-delivery canary --plan canary.yaml --continue   # a held rollout goes on",
                "  ml-delivery canary --plan canary.yaml --rollback   # roll back now"})
public final class CanaryCommand extends StepCommand<CanaryResult> {
    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The rollout plan (YAML); see docs/canary.md.")
    private Path plan;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The state file (default: the plan's 'state', else PLAN.state.json beside the plan).")
    private Path state;

    @Option(names = "--steps", split = ",", paramLabel = "WEIGHT",
            description = "Traffic steps in percent, replacing the plan's, e.g. 5,25,50,100.")
    private List<Integer> steps;

    @Option(names = "--owner", paramLabel = "NAME", description = "Who runs the rollout, recorded in the state (default: host and process).")
    private String owner;

    @ArgGroup(exclusive = true)
    private Decision decision;

    /** What a person decides about a rollout. */
    static final class Decision {
        @Option(names = "--continue", description = "Continue a held rollout as if its held step had passed.")
        private boolean continueRollout;

        @Option(names = "--rollback", description = "Roll the rollout back now, whatever its phase.")
        private boolean rollback;
    }

    @Override
    protected CanaryResult execute() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (steps != null) {
            overrides.put("steps", steps);
        }
        RolloutPlan rollout = PlanReader.read(plan, overrides);
        String who = owner != null ? owner : defaultOwner();
        Clock clock = Clock.systemUTC();
        try (RolloutController controller = RolloutController.open(rollout, state != null ? state : rollout.stateFile(), clock,
                Sleeper.REAL, who)) {
            PrintWriter out = out();
            int printed = controller.state().transitions().size();
            controller.finishedBefore().ifPresent(note -> out.println("canary: " + note));
            if (decision != null && decision.continueRollout) {
                if (controller.state().phase() != RolloutPhase.HELD) {
                    throw new BadInputException(plan + ": --continue needs a held rollout, but it is " + controller.state().phase());
                }
                controller.resolveHold(true, who);
            }
            else if (decision != null && decision.rollback) {
                controller.abort("rolled back by " + who);
            }
            while (!controller.state().phase().settled()) {
                RolloutController.Progress progress = controller.advance();
                printed = print(out, controller.state().transitions(), printed);
                if (progress.nextAt() != null && progress.nextAt().isAfter(clock.instant())) {
                    Sleeper.REAL.sleep(Duration.between(clock.instant(), progress.nextAt()));
                }
            }
            print(out, controller.state().transitions(), printed);
            return controller.result();
        }
    }

    private static int print(final PrintWriter out, final List<Transition> transitions, final int printed) {
        for (Transition transition : transitions.subList(printed, transitions.size())) {
            out.println(transition.at() + " " + transition.to() + ": " + transition.message());
        }
        out.flush();
        return transitions.size();
    }

    @Override
    protected int exitCode(final CanaryResult result) {
        if (result.externalFailure() || result.decision() == CanaryDecision.FAILED) {
            return ExitCode.EXTERNAL_FAILURE;
        }
        return result.decision() == CanaryDecision.PROMOTED ? ExitCode.PASSED : ExitCode.FAILED;
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            host = "unknown host";
        }
        return "ml-delivery canary (pid " + ProcessHandle.current().pid() + " on " + host + ")";
    }
}
