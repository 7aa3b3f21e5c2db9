package io.jenkins.plugins.mldelivery.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ml-delivery} command line: the same engine and results as the Jenkins steps.
 */
@Command(name = "ml-delivery",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validate data, train, gate, promote and roll out machine-learning models.",
        footer = {"", "Exit codes: 0 passed, 1 the step failed on its own terms, 2 bad usage or input,",
                "3 an external system failed.", "", "Example:",
                "  ml-delivery validate --data batch.csv --reference train.csv --schema schema.json --json out.json"},
        subcommands = {
                ProfileCommand.class,
                ValidateCommand.class,
                TrainCommand.class,
                GateCommand.class,
                PromoteCommand.class,
                RegistryCommand.class,
                CanaryCommand.class,
                ReportCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class MlDeliveryCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * Creates the command line with its error handling; tests call {@code execute} on it.
     *
     * @return the configured command line
     */
    public static CommandLine newCommandLine() {
        ErrorReporter reporter = new ErrorReporter();
        return new CommandLine(new MlDeliveryCommand())
                .setExecutionExceptionHandler(reporter)
                .setParameterExceptionHandler(reporter)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say which step to run");
    }
}
