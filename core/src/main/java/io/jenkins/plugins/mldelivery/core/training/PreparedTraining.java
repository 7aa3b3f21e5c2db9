package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Trainer#prepare} found before a training command that the caller runs itself (a CI
 * system's launcher, inside its container): the lineage that must be taken before the command
 * runs, the environment to give it, and the params file's bytes to put back afterwards. It travels
 * as JSON ({@link #toJson()}, {@link #fromJson(String)}) between the machine that holds the files
 * and the one that launches the command.
 *
 * @param startedAt    when the step started
 * @param workDir      the absolute working directory
 * @param environment  the variables to add to the command's environment ({@code PYTHONUNBUFFERED=1},
 *                     then the request's own)
 * @param data         the training data files' identities, hashed before the command runs
 * @param inputs       the step's inputs: data files, then the params file as it is on disk
 * @param git          the working directory's git state before the command runs
 * @param tools        what the version commands reported
 * @param host         the name of the machine that holds the files
 * @param paramsBefore the params file's bytes before the overrides were written into it, or
 *                     {@code null} when nothing was written
 */
public record PreparedTraining(Instant startedAt, String workDir, Map<String, String> environment,
        List<InputIdentity> data, List<InputIdentity> inputs, GitState git, List<ToolVersion> tools, String host,
        byte[] paramsBefore) {
    /** Validates and copies the fields. */
    public PreparedTraining {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(workDir, "workDir");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        data = List.copyOf(data);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(git, "git");
        tools = List.copyOf(tools);
        paramsBefore = paramsBefore == null ? null : paramsBefore.clone();
    }

    /**
     * Returns the params file's original bytes.
     *
     * @return a copy, or {@code null} when the params file was not rewritten
     */
    @Override
    public byte[] paramsBefore() {
        return paramsBefore == null ? null : paramsBefore.clone();
    }

    /**
     * Returns this preparation as compact JSON.
     *
     * @return the JSON text, read back by {@link #fromJson(String)}
     */
    public String toJson() {
        try {
            return ResultJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a prepared training: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a preparation written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the preparation
     * @throws IllegalArgumentException if the text is not such a preparation
     */
    public static PreparedTraining fromJson(final String json) {
        try {
            return ResultJson.mapper().readValue(json, PreparedTraining.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a prepared training: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof PreparedTraining that && startedAt.equals(that.startedAt) && workDir.equals(that.workDir)
                && environment.equals(that.environment) && data.equals(that.data) && inputs.equals(that.inputs)
                && git.equals(that.git) && tools.equals(that.tools) && Objects.equals(host, that.host)
                && Arrays.equals(paramsBefore, that.paramsBefore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startedAt, workDir, environment, data, inputs, git, tools, host) * 31 + Arrays.hashCode(paramsBefore);
    }

    @Override
    public String toString() {
        return "PreparedTraining[workDir=" + workDir + ", startedAt=" + startedAt + ", data=" + data + ", git=" + git
                + ", paramsRewritten=" + (paramsBefore != null) + "]";
    }
}
