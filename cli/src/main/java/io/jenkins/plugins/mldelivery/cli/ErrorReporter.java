package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import picocli.CommandLine;
import io.jenkins.plugins.mldelivery.core.result.JsonProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.UncheckedIOException;

/**
 * Turns an exception into one line on standard error and the contract's exit code, never a
 * stack trace (set {@code ML_DELIVERY_STACKTRACE=1} to see one when debugging), and never parser
 * internals: a usage mistake gets its reason and where to find help, not the whole usage text.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /**
     * Reports a usage mistake (unknown option, missing or malformed value) in two lines: the reason,
     * then the {@code --help} to run; exit 2.
     */
    @Override
    public int handleParseException(final ParameterException exception, final String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        if (System.getenv("ML_DELIVERY_STACKTRACE") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().println(commandLine.getCommandName() + ": error: " + oneLine(usageReason(exception)));
        commandLine.getErr().println("Run '" + qualifiedName(commandLine) + " --help' for the options and examples.");
        commandLine.getErr().flush();
        return ExitCode.BAD_INPUT;
    }

    /** Picocli's reason, with the conversion failure of a typed option said plainly. */
    private static String usageReason(final ParameterException exception) {
        String message = String.valueOf(exception.getMessage());
        Throwable cause = exception.getCause();
        if (cause instanceof BadInputException) {
            return cause.getMessage();
        }
        return message.replaceAll(" \\(java\\.[^)]*\\)", "").replaceFirst("^Invalid value for option '([^']*)': '([^']*)' is not an? (int|long|double|float)\\b.*$",
                "option '$1': '$2' is not a number");
    }

    private static String qualifiedName(final CommandLine commandLine) {
        StringBuilder name = new StringBuilder(commandLine.getCommandName());
        for (CommandLine parent = commandLine.getParent(); parent != null; parent = parent.getParent()) {
            name.insert(0, parent.getCommandName() + " ");
        }
        return name.toString();
    }

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
            message = plain(exception);
        }
        else if (exception instanceof ExternalSystemException) {
            code = ExitCode.EXTERNAL_FAILURE;
            message = exception.getMessage();
        }
        else if (exception instanceof UncheckedIOException) {
            code = ExitCode.BAD_INPUT;
            message = plain(exception);
        }
        else {
            code = ExitCode.BAD_INPUT;
            message = "unexpected error: " + exception + " (set ML_DELIVERY_STACKTRACE=1 for details)";
        }
        commandLine.getErr().println(prefix + "error: " + oneLine(message));
        commandLine.getErr().flush();
        return code;
    }

    /**
     * The exception's message without parser internals: where a Jackson failure caused it, its
     * description replaces Jackson's own words; other internals (class names, sources) are scrubbed.
     */
    private static String plain(final Exception exception) {
        String message = exception.getMessage();
        for (Throwable cause = exception.getCause(); cause != null && message != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                String original = json.getOriginalMessage();
                String full = json.getMessage();
                if (full != null && message.contains(full)) {
                    message = message.replace(full, JsonProblem.describe(json));
                }
                else if (original != null && message.contains(original)) {
                    message = message.replace(original, JsonProblem.describe(json));
                }
                break;
            }
        }
        return JsonProblem.scrub(message);
    }

    private static String oneLine(final String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
