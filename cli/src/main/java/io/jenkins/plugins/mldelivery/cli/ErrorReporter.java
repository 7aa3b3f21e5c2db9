package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.UncheckedIOException;

/**
 * Turns an exception into one line on standard error and the contract's exit code, never a
 * stack trace (set {@code ML_DELIVERY_STACKTRACE=1} to see one when debugging).
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(final Exception exception, final CommandLine commandLine,
            final ParseResult parseResult) {
        if (System.getenv("ML_DELIVERY_STACKTRACE") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        String prefix = commandLine.getCommandName() + ": ";
        int code;
        String message;
        if (exception instanceof BadInputException) {
            code = ExitCode.BAD_INPUT;
            message = exception.getMessage();
        }
        else if (exception instanceof ExternalSystemException) {
            code = ExitCode.EXTERNAL_FAILURE;
            message = exception.getMessage();
        }
        else if (exception instanceof UncheckedIOException) {
            code = ExitCode.BAD_INPUT;
            message = exception.getMessage();
        }
        else {
            code = ExitCode.BAD_INPUT;
            message = "unexpected error: " + exception + " (set ML_DELIVERY_STACKTRACE=1 for details)";
        }
        commandLine.getErr().println(prefix + "error: " + oneLine(message));
        commandLine.getErr().flush();
        return code;
    }

    private static String oneLine(final String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
