package io.jenkins.plugins.mldelivery.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * Placeholder for the {@code validate} command until its engine lands; replace this file whole.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new io.jenkins.plugins.mldelivery.core.io.BadInputException("'validate' is not available in this build yet");
    }
}
