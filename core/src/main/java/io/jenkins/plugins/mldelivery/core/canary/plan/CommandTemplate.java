package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's command with placeholders such as {@code {weight}} or {@code {model}}, kept as a list
 * of arguments and run without a shell, so that a substituted value (a path with spaces, a
 * version) is always one argument and never shell syntax.
 *
 * @param arguments the program and its arguments, placeholders unexpanded
 */
public record CommandTemplate(List<String> arguments) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** Copies and validates the arguments. */
    public CommandTemplate {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty() || arguments.get(0).isBlank()) {
            throw new IllegalArgumentException("expected a command, found nothing");
        }
    }

    /**
     * Creates a template from a list of arguments.
     *
     * @param arguments the program and its arguments
     * @return the template
     */
    public static CommandTemplate of(final List<String> arguments) {
        return new CommandTemplate(arguments);
    }

    /**
     * Splits a command line at unquoted spaces; single or double quotes group words (no escapes,
     * no variables, no pipes: use a script for anything more).
     *
     * @param line the command line
     * @return the template
     */
    public static CommandTemplate parse(final String line) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                else {
                    current.append(c);
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            }
            else if (Character.isWhitespace(c)) {
                if (inWord) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            }
            else {
                current.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote in command '" + line + "'");
        }
        if (inWord) {
            arguments.add(current.toString());
        }
        return new CommandTemplate(arguments);
    }

    /**
     * Returns the arguments with placeholders replaced.
     *
     * @param values the placeholder values by name
     * @return the arguments to run
     * @throws IllegalArgumentException naming a placeholder that has no value
     */
    public List<String> render(final Map<String, String> values) {
        List<String> rendered = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            Matcher matcher = PLACEHOLDER.matcher(argument);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("unknown placeholder {" + matcher.group(1) + "} in command '"
                            + String.join(" ", arguments) + "' (known: " + String.join(", ", values.keySet()) + ")");
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            rendered.add(out.toString());
        }
        return rendered;
    }

    @Override
    public String toString() {
        return String.join(" ", arguments);
    }
}
