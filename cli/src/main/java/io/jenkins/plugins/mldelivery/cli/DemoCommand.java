package io.jenkins.plugins.mldelivery.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * Placeholder for the {@code demo} command until its engine lands; replace this file whole.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new io.jenkins.plugins.mldelivery.core.io.BadInputException("'demo' is not available in this build yet");
    }
}
