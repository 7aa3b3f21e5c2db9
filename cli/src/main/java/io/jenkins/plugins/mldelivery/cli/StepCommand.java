package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.StepResult;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A command that runs one engine step: it prints the result's summary, writes the full result to
 * {@code --json FILE} (atomically), and exits with the code of the result's status.
 *
 * @param <R> the type of the step's result
 */
public abstract class StepCommand<R extends StepResult> implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full result as JSON to FILE.")
    private Path json;

    /**
     * Runs the step.
     *
     * @return its result
     * @throws Exception when the step cannot run; see {@link ErrorReporter} for how each kind is reported
     */
    protected abstract R execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        R result;
        try {
            result = execute();
        }
        finally {
            finished();
        }
        if (json != null) {
            ResultJson.write(json, result);
        }
        PrintWriter out = out();
        out.println(result.summary());
        out.flush();
        return exitCode(result);
    }

    /**
     * Called when the step has run, whether it returned or threw; releases what {@link #execute()} started.
     */
    protected void finished() {
        // nothing to release by default
    }

    /**
     * Returns the command's specification (its name, options, output streams).
     *
     * @return the spec
     */
    protected CommandSpec spec() {
        return spec;
    }

    /**
     * Returns the exit code for a result; override where a step maps outcomes differently.
     *
     * @param result the result
     * @return the exit code
     */
    protected int exitCode(final R result) {
        return ExitCode.of(result.status());
    }

    /**
     * Returns where to print progress and summaries for people.
     *
     * @return standard output of this command line
     */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * Returns where to print warnings.
     *
     * @return standard error of this command line
     */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
