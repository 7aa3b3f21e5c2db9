package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.result.InputIdentity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to trace a model back to what made it: the data, the parameters, the code,
 * the command, the tools and the machine.
 *
 * @param data            the training data files, hashed before the command ran
 * @param paramsFile      the params file as given, or {@code null}
 * @param paramsSha256    the SHA-256 of the effective parameters (see {@link ParamsFile#sha256}), or {@code null} without a params file
 * @param paramOverrides  the overrides applied, as written ({@code model.max_depth=4})
 * @param gitCommit       the commit of the working directory, or {@code null} outside git
 * @param gitDirty        whether tracked files were modified, or {@code null} outside git
 * @param command         the command as a person would type it
 * @param workDir         the absolute working directory
 * @param tools           what the configured version commands reported
 * @param host            the machine's name
 * @param startedAt       when the command started
 * @param finishedAt      when it ended
 * @param durationMillis  how long it ran
 */
public record Lineage(List<InputIdentity> data, String paramsFile, String paramsSha256, List<String> paramOverrides,
        String gitCommit, Boolean gitDirty, String command, String workDir, List<ToolVersion> tools, String host,
        Instant startedAt, Instant finishedAt, long durationMillis) {
    /** Validates and copies the fields. */
    public Lineage {
        data = List.copyOf(data);
        paramOverrides = List.copyOf(paramOverrides);
        tools = List.copyOf(tools);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workDir, "workDir");
    }
}
