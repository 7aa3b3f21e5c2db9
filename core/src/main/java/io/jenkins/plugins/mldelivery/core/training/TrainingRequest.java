package io.jenkins.plugins.mldelivery.core.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to train and what to capture. Relative paths (params, metrics, model patterns, data) are
 * relative to the working directory, as the training command sees them; the artifacts directory
 * is taken as given.
 *
 * @param command             the training command
 * @param workDir             the working directory
 * @param environment         extra environment variables for the command
 * @param timeout             how long the command may run, or {@code null} for no limit
 * @param params              the params file, or {@code null}
 * @param overrides           overrides of the params file's values
 * @param metrics             the metrics files the command writes (at least one)
 * @param models              patterns of the model files the command writes
 * @param data                the training data files to hash (and profile)
 * @param artifacts           where to copy the model files, or {@code null} to leave them in place
 * @param toolVersionCommands shell lines whose output identifies the tools ({@code python --version})
 * @param tailLines           how many of the command's last output lines a result keeps
 */
public record TrainingRequest(TrainingCommand command, Path workDir, Map<String, String> environment, Duration timeout,
        Path params, List<ParamOverride> overrides, List<Path> metrics, List<String> models, List<Path> data,
        Path artifacts, List<String> toolVersionCommands, int tailLines) {
    /** Validates and copies the fields. */
    public TrainingRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workDir, "workDir");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        overrides = List.copyOf(overrides);
        metrics = List.copyOf(metrics);
        models = List.copyOf(models);
        data = List.copyOf(data);
        toolVersionCommands = List.copyOf(toolVersionCommands);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        if (tailLines < 0) {
            throw new IllegalArgumentException("tailLines must not be negative: " + tailLines);
        }
    }

    /**
     * Starts a request for a command.
     *
     * @param command the training command
     * @return a builder, working in the current directory until told otherwise
     */
    public static Builder command(final TrainingCommand command) {
        return new Builder(command);
    }

    /**
     * Resolves a path as the command sees it.
     *
     * @param path a path from this request
     * @return the path against the working directory (absolute paths unchanged)
     */
    public Path resolve(final Path path) {
        return workDir.resolve(path);
    }

    /** Builds a request one option at a time; it reads as the command line does. */
    public static final class Builder {
        private final TrainingCommand command;
        private Path workDir = Path.of("");
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration timeout;
        private Path params;
        private final List<ParamOverride> overrides = new ArrayList<>();
        private final List<Path> metrics = new ArrayList<>();
        private final List<String> models = new ArrayList<>();
        private final List<Path> data = new ArrayList<>();
        private Path artifacts;
        private final List<String> toolVersionCommands = new ArrayList<>();
        private int tailLines = 20;

        private Builder(final TrainingCommand command) {
            this.command = command;
        }

        /**
         * Runs the command in a directory.
         *
         * @param dir the working directory
         * @return this builder
         */
        public Builder inDirectory(final Path dir) {
            this.workDir = dir;
            return this;
        }

        /**
         * Adds a variable to the command's environment.
         *
         * @param name  the variable
         * @param value its value
         * @return this builder
         */
        public Builder withEnvironment(final String name, final String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * Kills the command and its children when it runs longer than this.
         *
         * @param limit how long the command may run
         * @return this builder
         */
        public Builder timingOutAfter(final Duration limit) {
            this.timeout = limit;
            return this;
        }

        /**
         * Names the params file the command reads.
         *
         * @param file the params file
         * @return this builder
         */
        public Builder readingParams(final Path file) {
            this.params = file;
            return this;
        }

        /**
         * Overrides one of the params file's values.
         *
         * @param override the override
         * @return this builder
         */
        public Builder overriding(final ParamOverride override) {
            overrides.add(override);
            return this;
        }

        /**
         * Names a metrics file the command writes.
         *
         * @param file the metrics file
         * @return this builder
         */
        public Builder readingMetrics(final Path file) {
            metrics.add(file);
            return this;
        }

        /**
         * Collects the model files a pattern matches.
         *
         * @param pattern an Ant-style pattern, e.g. {@code model/**}
         * @return this builder
         */
        public Builder collectingModel(final String pattern) {
            models.add(pattern);
            return this;
        }

        /**
         * Hashes a training data file for the lineage.
         *
         * @param file the data file
         * @return this builder
         */
        public Builder trainingOn(final Path file) {
            data.add(file);
            return this;
        }

        /**
         * Copies the model files into a directory when training succeeds.
         *
         * @param dir the artifacts directory
         * @return this builder
         */
        public Builder publishingTo(final Path dir) {
            this.artifacts = dir;
            return this;
        }

        /**
         * Records what a command says about a tool's version.
         *
         * @param shellLine e.g. {@code python --version}
         * @return this builder
         */
        public Builder recordingToolVersion(final String shellLine) {
            toolVersionCommands.add(shellLine);
            return this;
        }

        /**
         * Keeps this many of the command's last output lines in the result.
         *
         * @param lines the number of lines
         * @return this builder
         */
        public Builder keepingLastLines(final int lines) {
            this.tailLines = lines;
            return this;
        }

        /**
         * Returns the request.
         *
         * @return the request
         */
        public TrainingRequest build() {
            return new TrainingRequest(command, workDir, environment, timeout, params, overrides, metrics, models, data,
                    artifacts, toolVersionCommands, tailLines);
        }
    }
}
