package io.jenkins.plugins.mldelivery.core.canary.router;

import io.jenkins.plugins.mldelivery.core.canary.plan.CommandTemplate;
import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.canary.runtime.ProcessRunner;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

import java.nio.file.Path;
import java.util.Map;

/**
 * Moves traffic with the user's own commands, for any traffic manager without a router here (a
 * cloud load balancer, SageMaker production variants). {@code {weight}} and {@code {stableWeight}}
 * are substituted; a command that exits non-zero is a router failure.
 */
public final class CommandRouter implements TrafficRouter {
    private final RouterSpec.Command spec;
    private final Path directory;

    /**
     * Creates the router.
     *
     * @param spec      the commands
     * @param directory the directory commands run in (the plan's)
     */
    public CommandRouter(final RouterSpec.Command spec, final Path directory) {
        this.spec = spec;
        this.directory = directory;
    }

    @Override
    public void setCanaryWeight(final int weight) {
        run("setWeight", spec.setWeight(), weight);
    }

    @Override
    public void promote() {
        run("promote", spec.promote(), 100);
    }

    @Override
    public void rollback() {
        run("rollback", spec.rollback(), 0);
    }

    @Override
    public TrafficSnapshot snapshot() {
        if (spec.status() == null) {
            return new TrafficSnapshot(null, "unknown (the router has no status command)");
        }
        String printed = run("status", spec.status(), 0).strip();
        try {
            int weight = Integer.parseInt(printed);
            return new TrafficSnapshot(weight, "canary " + weight + "%, stable " + (100 - weight) + "% (status command)");
        }
        catch (NumberFormatException e) {
            throw new ExternalSystemException("router status: '" + spec.status() + "' printed '" + printed
                    + "', expected the canary's weight as a whole number");
        }
    }

    @Override
    public String describe() {
        return "command router (" + spec.setWeight() + ")";
    }

    private String run(final String name, final CommandTemplate template, final int weight) {
        var command = template.render(Map.of("weight", String.valueOf(weight), "stableWeight", String.valueOf(100 - weight)));
        ProcessRunner.Output output = ProcessRunner.run("router " + name, command, directory, spec.timeout());
        if (output.exitCode() != 0) {
            throw new ExternalSystemException("router " + name + ": '" + String.join(" ", command) + "' exited with "
                    + output.exitCode() + ": " + output.lastLine());
        }
        return output.stdout();
    }
}
