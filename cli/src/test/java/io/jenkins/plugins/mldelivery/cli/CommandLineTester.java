package io.jenkins.plugins.mldelivery.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code ml-delivery} command line in-process and captures what a user would see.
 */
public final class CommandLineTester {
    /**
     * What one run printed and returned.
     *
     * @param exitCode the exit code
     * @param out      standard output
     * @param err      standard error
     */
    public record Run(int exitCode, String out, String err) {
    }

    private CommandLineTester() {
        // static entry point only
    }

    /**
     * Runs the command line with the given arguments.
     *
     * @param args the arguments, as a shell would pass them
     * @return the exit code and the captured output
     */
    public static Run run(final String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = MlDeliveryCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
