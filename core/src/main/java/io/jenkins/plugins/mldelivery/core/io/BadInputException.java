package io.jenkins.plugins.mldelivery.core.io;

import java.nio.file.Path;

/**
 * Input the user must fix: a malformed file, a missing column, a rule that does not parse. The
 * message is one line that names the file, row, column or rule, what was expected and what was
 * found; the CLI prints it without a stack trace and exits with code 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the place and the problem
     */
    public BadInputException(final String message) {
        super(message);
    }

    /**
     * Creates the exception with the cause that revealed the problem.
     *
     * @param message one line naming the place and the problem
     * @param cause   the underlying error
     */
    public BadInputException(final String message, final Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception for a place in a tabular file.
     *
     * @param file    the file
     * @param row     the 1-based row number (the header is row 1), or 0 when unknown
     * @param column  the column name, or {@code null} when the problem is not in one column
     * @param problem what was expected and what was found
     * @return the exception
     */
    public static BadInputException at(final Path file, final long row, final String column, final String problem) {
        StringBuilder message = new StringBuilder().append(file);
        if (row > 0) {
            message.append(", row ").append(row);
        }
        if (column != null) {
            message.append(", column '").append(column).append('\'');
        }
        return new BadInputException(message.append(": ").append(problem).toString());
    }
}
