package io.jenkins.plugins.mldelivery.core.training;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The team's training command: either an argument list run as is, or a shell line run by the
 * platform's shell ({@code /bin/sh -c} on Unix, {@code cmd.exe /c} on Windows).
 *
 * @param arguments the program and its arguments, or a single element holding the shell line
 * @param shell     whether {@code arguments} holds one shell line
 */
public record TrainingCommand(List<String> arguments, boolean shell) {
    /** Validates and copies the arguments. */
    public TrainingCommand {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty() || arguments.get(0).isBlank()) {
            throw new IllegalArgumentException("a training command needs a program to run");
        }
        if (shell && arguments.size() != 1) {
            throw new IllegalArgumentException("a shell command is one line, got " + arguments.size() + " arguments");
        }
    }

    /**
     * Returns a command that runs a program with arguments, without a shell.
     *
     * @param arguments the program and its arguments
     * @return the command
     */
    public static TrainingCommand ofArguments(final List<String> arguments) {
        return new TrainingCommand(arguments, false);
    }

    /**
     * Returns a command that runs one line through the shell, so pipes, {@code &&} and variables work.
     *
     * @param line the shell line, e.g. {@code python train.py && python evaluate.py}
     * @return the command
     */
    public static TrainingCommand ofShellLine(final String line) {
        Objects.requireNonNull(line, "line");
        return new TrainingCommand(List.of(line), true);
    }

    /**
     * Returns the arguments to hand to the operating system.
     *
     * @return the program and its arguments, wrapped in the shell for a shell line
     */
    public List<String> processArguments() {
        if (!shell) {
            return arguments;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return List.of("cmd.exe", "/c", arguments.get(0));
        }
        return List.of("/bin/sh", "-c", arguments.get(0));
    }

    /**
     * Returns the command as a person would type it, for logs and lineage.
     *
     * @return the shell line, or the arguments joined by spaces (quoted where they contain spaces)
     */
    public String display() {
        if (shell) {
            return arguments.get(0);
        }
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            boolean quote = argument.isEmpty() || argument.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"');
            line.append(quote ? "'" + argument.replace("'", "'\\''") + "'" : argument);
        }
        return line.toString();
    }
}
