package io.jenkins.plugins.mldelivery.core.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a {@link DriftPolicy} from a YAML or JSON file; every key is optional and unknown keys are
 * errors (a misspelt threshold must not be silently ignored). The format is documented in
 * {@code docs/drift.md}:
 *
 * <pre>
 * alpha: 0.05
 * correction: benjamini-hochberg      # or bonferroni, none
 * rule: significant-and-large         # or significant, large
 * datasetDriftShare: 0.5
 * numericMeasure: wasserstein         # or ks, psi
 * categoricalMeasure: jensen-shannon  # or psi
 * thresholds: {wasserstein: 0.1, ks: 0.1, psi: 0.2, jensen-shannon: 0.1}
 * missingShareThreshold: 0.05
 * constantReferenceThreshold: 0.1
 * exactLimit: 10000
 * psiBins: 10
 * chartBinning: equal-width           # or reference-quantile
 * chartBins: 20
 * chartCategories: 20
 * columns:
 *   income: {critical: true, measure: psi, threshold: 0.25}
 *   customer_id: {ignored: true}
 * </pre>
 */
public final class DriftPolicyFile {
    /** A key written twice is a mistake to report, not a choice of the last one. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    /** The most histogram bins, PSI bins and chart categories: enough for any chart, small enough to never exhaust memory. */
    static final int MAX_BINS = 1_000;
    /** The largest exact-test limit: exact Kolmogorov-Smirnov p-values beyond it would take minutes. */
    static final int MAX_EXACT_LIMIT = 1_000_000;
    private static final Set<String> COLUMN_KEYS = Set.of("critical", "ignored", "measure", "threshold");

    private DriftPolicyFile() {
        // static entry point only
    }

    /**
     * Reads a policy file.
     *
     * @param file a YAML or JSON file (JSON is YAML)
     * @return the policy, defaults where the file is silent
     * @throws BadInputException naming the file and the key when the file is missing, malformed or out of range
     */
    public static DriftPolicy read(final Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        }
        catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                throw new BadInputException(file + where + ": duplicate key '" + message.substring(17, message.lastIndexOf('\''))
                        + "': each key may appear once");
            }
            throw new BadInputException(file + where + ": not valid YAML or JSON: " + message);
        }
        catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return DriftPolicy.defaults();
        }
        return parse(root, file.toString());
    }

    static DriftPolicy parse(final JsonNode root, final String source) {
        Reader in = new Reader(source);
        in.requireObject(root, "the policy");
        DriftPolicy.Builder builder = DriftPolicy.builder();
        ChartBinning binning = ChartBinning.EQUAL_WIDTH;
        int bins = 20;
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "alpha" -> builder.alpha(in.number(value, key));
                case "correction" -> builder.correction(in.choice(value.asText(), key, Correction.values(), Correction::label));
                case "rule" -> builder.rule(in.choice(value.asText(), key, DecisionRule.values(), DecisionRule::label));
                case "datasetDriftShare" -> builder.datasetDriftShare(in.number(value, key));
                case "numericMeasure" -> builder.numericMeasure(in.measure(value.asText(), key));
                case "categoricalMeasure" -> builder.categoricalMeasure(in.measure(value.asText(), key));
                case "thresholds" -> {
                    in.requireObject(value, key);
                    value.fields().forEachRemaining(t -> builder.threshold(in.measure(t.getKey(), key),
                            in.number(t.getValue(), key + "." + t.getKey())));
                }
                case "missingShareThreshold" -> builder.missingShareThreshold(in.number(value, key));
                case "constantReferenceThreshold" -> builder.constantReferenceThreshold(in.number(value, key));
                case "exactLimit" -> builder.exactLimit(in.integer(value, key, 0, MAX_EXACT_LIMIT));
                case "psiBins" -> builder.psiBins(in.integer(value, key, 2, MAX_BINS));
                case "chartBinning" -> binning = in.choice(value.asText(), key, ChartBinning.values(), ChartBinning::label);
                case "chartBins" -> bins = in.integer(value, key, 1, MAX_BINS);
                case "chartCategories" -> builder.chartCategories(in.integer(value, key, 1, MAX_BINS));
                case "columns" -> {
                    in.requireObject(value, key);
                    value.fields().forEachRemaining(c -> builder.column(c.getKey(), column(in, c.getValue(), key + "." + c.getKey())));
                }
                default -> throw in.error(key, "unknown key (expected one of alpha, correction, rule, datasetDriftShare, "
                        + "numericMeasure, categoricalMeasure, thresholds, missingShareThreshold, "
                        + "constantReferenceThreshold, exactLimit, psiBins, chartBinning, chartBins, chartCategories, columns)");
            }
        }
        try {
            return builder.chartBins(binning, bins).build();
        }
        catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
    }

    private static ColumnPolicy column(final Reader in, final JsonNode node, final String path) {
        in.requireObject(node, path);
        ColumnPolicy policy = ColumnPolicy.defaults();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (!COLUMN_KEYS.contains(field.getKey())) {
                throw in.error(key, "unknown key (expected critical, ignored, measure, threshold)");
            }
            switch (field.getKey()) {
                case "critical" -> policy = in.bool(value, key) ? policy.asCritical() : policy;
                case "ignored" -> policy = in.bool(value, key)
                        ? new ColumnPolicy(policy.critical(), true, policy.measure(), policy.threshold()) : policy;
                case "measure" -> policy = policy.withMeasure(in.measure(value.asText(), key));
                default -> policy = policy.withThreshold(in.number(value, key));
            }
        }
        return policy;
    }

    /** Reads typed values, failing with the file and the key. */
    private record Reader(String source) {
        BadInputException error(final String key, final String problem) {
            return new BadInputException(source + ": " + key + ": " + problem);
        }

        void requireObject(final JsonNode node, final String key) {
            if (!node.isObject()) {
                throw error(key, "expected a mapping of keys to values");
            }
        }

        double number(final JsonNode node, final String key) {
            if (!node.isNumber()) {
                throw error(key, "expected a number, found '" + node.asText() + "'");
            }
            return node.doubleValue();
        }

        int integer(final JsonNode node, final String key, final int min, final int max) {
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
                throw error(key, "expected a whole number from " + min + " to " + max + ", found '" + node.asText() + "'");
            }
            return node.intValue();
        }

        boolean bool(final JsonNode node, final String key) {
            if (!node.isBoolean()) {
                throw error(key, "expected true or false, found '" + node.asText() + "'");
            }
            return node.booleanValue();
        }

        <E> E choice(final String text, final String key, final E[] values, final Function<E, String> label) {
            String lower = text.toLowerCase(Locale.ROOT);
            return Arrays.stream(values).filter(v -> label.apply(v).equals(lower)).findFirst()
                    .orElseThrow(() -> error(key, "unknown value '" + text + "' (expected "
                            + Arrays.stream(values).map(label).collect(Collectors.joining(", ")) + ")"));
        }

        EffectMeasure measure(final String text, final String key) {
            return choice(text, key, EffectMeasure.values(), EffectMeasure::label);
        }
    }
}
