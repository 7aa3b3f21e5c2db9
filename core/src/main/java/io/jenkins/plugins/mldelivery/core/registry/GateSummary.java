package io.jenkins.plugins.mldelivery.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The gate's verdict on a version, as its result file states it, kept in the model card and
 * checked before a promotion.
 *
 * @param verdict the verdict ({@code PASSED}, {@code WARNING} or {@code FAILED})
 * @param rules   each rule with its outcome
 * @param file    the gate result it was read from, or {@code null}
 */
public record GateSummary(String verdict, List<Rule> rules, String file) {
    /** Requires a verdict and copies the rules. */
    public GateSummary {
        Objects.requireNonNull(verdict, "verdict");
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * Says whether the gate failed the version.
     *
     * @return whether the verdict is {@code FAILED}
     */
    public boolean failed() {
        String upper = verdict.toUpperCase(Locale.ROOT);
        return "FAILED".equals(upper) || "FAIL".equals(upper);
    }

    /**
     * Reads a gate result file ({@code ml-delivery gate --json}): its {@code verdict} (or its
     * {@code status}) and its {@code rules[]}.
     *
     * @param file the gate result
     * @return the summary
     * @throws BadInputException when the file is missing, malformed or has no verdict
     */
    public static GateSummary read(final Path file) {
        JsonNode root = ResultJson.read(file, JsonNode.class);
        String verdict = root.path("verdict").asText(root.path("status").asText(""));
        if (verdict.isEmpty()) {
            throw new BadInputException(file + ": not a gate result (no 'verdict' or 'status' field)");
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : root.path("rules")) {
            rules.add(new Rule(rule.path("rule").asText(""), rule.path("passed").asBoolean(false),
                    rule.path("skipped").asBoolean(false), text(rule.get("left")), text(rule.get("right"))));
        }
        return new GateSummary(verdict, rules, file.toString());
    }

    private static String text(final JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /**
     * One gate rule and its outcome.
     *
     * @param rule    the rule as written, e.g. {@code f1 >= champion.f1 - 0.01}
     * @param passed  whether it held
     * @param skipped whether it could not be evaluated (e.g. no champion yet)
     * @param left    the left side's value, or {@code null}
     * @param right   the right side's value, or {@code null}
     */
    public record Rule(String rule, boolean passed, boolean skipped, String left, String right) {
    }
}
