package io.jenkins.plugins.mldelivery.core.registry;

import java.util.Map;

/** Renders a {@link ModelCard} as Markdown, one section per concern, tables where a reviewer compares values. */
final class ModelCardMarkdown {
    private final ModelCard card;
    private final StringBuilder out = new StringBuilder();

    ModelCardMarkdown(final ModelCard card) {
        this.card = card;
    }

    String render() {
        out.append("# Model card: ").append(card.model()).append(" v").append(card.version()).append("\n\n");
        out.append("| | |\n|---|---|\n");
        row("Registered", card.createdAt() + " by " + card.createdBy());
        if (card.build() != null) {
            row("Build", card.build());
        }
        if (card.runId() != null) {
            row("Run", card.runId());
        }
        row("Source", "`" + card.source() + "`");
        intendedUse();
        metrics();
        params();
        lineage();
        dataProfile();
        gate();
        artifacts();
        return out.toString();
    }

    private void intendedUse() {
        out.append("\n## Intended use\n\n");
        if (card.intendedUse() == null || card.intendedUse().isBlank()) {
            out.append("_Not stated: promote with `--card-template FILE.md` (the team's template) to fill this section._\n");
        }
        else {
            out.append(card.intendedUse().strip()).append('\n');
        }
    }

    private void metrics() {
        out.append("\n## Metrics\n\n");
        if (card.metrics().isEmpty()) {
            out.append("_None recorded._\n");
            return;
        }
        out.append("| metric | value |\n|---|---:|\n");
        for (Map.Entry<String, Double> metric : card.metrics().entrySet()) {
            row(metric.getKey(), String.valueOf(metric.getValue()));
        }
    }

    private void params() {
        out.append("\n## Training parameters\n\n");
        if (card.params().isEmpty()) {
            out.append("_None recorded._\n");
            return;
        }
        out.append("| parameter | value |\n|---|---|\n");
        card.params().forEach(this::row);
    }

    private void lineage() {
        ModelLineage lineage = card.lineage();
        out.append("\n## Lineage\n\n");
        out.append("- Commit: ").append(lineage.gitCommit() == null ? "unknown" : "`" + lineage.gitCommit() + "`")
                .append(Boolean.TRUE.equals(lineage.gitDirty()) ? " (with uncommitted changes)" : "").append('\n');
        out.append("- Command: ").append(lineage.command() == null ? "unknown" : "`" + lineage.command() + "`").append('\n');
        if (lineage.paramsSha256() != null) {
            out.append("- Parameters SHA-256: `").append(lineage.paramsSha256()).append("`\n");
        }
        if (!lineage.data().isEmpty()) {
            out.append("\n| data | SHA-256 |\n|---|---|\n");
            lineage.data().forEach(data -> row(data.path(), "`" + data.sha256() + "`"));
        }
    }

    private void dataProfile() {
        DataProfileSummary profile = card.dataProfile();
        if (profile == null) {
            return;
        }
        out.append("\n## Training data\n\n");
        if (profile.rows() != null) {
            out.append(profile.rows()).append(" rows");
        }
        if (profile.file() != null) {
            out.append(profile.rows() == null ? "From " : ", from ").append('`').append(profile.file()).append('`');
        }
        out.append(".\n\n| column | type | count | missing | min | max | mean |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (DataProfileSummary.Column column : profile.columns()) {
            out.append("| ").append(cell(column.name())).append(" | ").append(text(column.type()))
                    .append(" | ").append(number(column.count())).append(" | ").append(number(column.missing()))
                    .append(" | ").append(number(column.min())).append(" | ").append(number(column.max()))
                    .append(" | ").append(number(column.mean())).append(" |\n");
        }
    }

    private void gate() {
        GateSummary gate = card.gate();
        if (gate == null) {
            return;
        }
        out.append("\n## Gate\n\nVerdict: **").append(gate.verdict()).append("**");
        if (gate.file() != null) {
            out.append(" (`").append(gate.file()).append("`)");
        }
        out.append("\n");
        if (!gate.rules().isEmpty()) {
            out.append("\n| rule | outcome | left | right |\n|---|---|---:|---:|\n");
            for (GateSummary.Rule rule : gate.rules()) {
                String outcome = rule.skipped() ? "skipped" : rule.passed() ? "passed" : "failed";
                out.append("| ").append(cell(rule.rule())).append(" | ").append(outcome).append(" | ")
                        .append(text(rule.left())).append(" | ").append(text(rule.right())).append(" |\n");
            }
        }
    }

    private void artifacts() {
        if (card.artifacts().isEmpty()) {
            return;
        }
        out.append("\n## Artifacts\n\n| path | bytes | SHA-256 |\n|---|---:|---|\n");
        for (ModelArtifact artifact : card.artifacts()) {
            out.append("| ").append(cell(artifact.path())).append(" | ").append(artifact.bytes())
                    .append(" | `").append(artifact.sha256()).append("` |\n");
        }
    }

    private void row(final String key, final String value) {
        out.append("| ").append(cell(key)).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String text(final String value) {
        return value == null ? "" : cell(value);
    }

    private static String number(final Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    /** Keeps a value inside its table cell: a pipe or a line break would end it. */
    private static String cell(final String value) {
        return value.replace("|", "\\|").replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
