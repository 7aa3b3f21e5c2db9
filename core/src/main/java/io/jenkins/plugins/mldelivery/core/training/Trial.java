package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jenkins.plugins.mldelivery.core.result.Status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a sweep: the grid values it tried and what came of them.
 *
 * @param index          the trial's number, from 1, in grid order
 * @param overrides      the grid values this trial set (dotted key to value)
 * @param paramsSha256   the SHA-256 of its effective parameters
 * @param status         {@code PASSED}, or {@code FAILED} with a reason
 * @param failure        why it failed, or {@code null}
 * @param metrics        its metrics (empty when it failed before writing them)
 * @param artifacts      its model files
 * @param exitCode       the command's exit code, or {@code null} if it did not start
 * @param durationMillis how long its command ran
 * @param outputTail     its last output lines, kept when it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trial(int index, Map<String, Object> overrides, String paramsSha256, Status status, String failure,
        Map<String, Double> metrics, List<Artifact> artifacts, Integer exitCode, long durationMillis, List<String> outputTail) {
    /** Validates and copies the fields. */
    public Trial {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        Objects.requireNonNull(status, "status");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        artifacts = List.copyOf(artifacts);
        outputTail = List.copyOf(outputTail);
    }
}
