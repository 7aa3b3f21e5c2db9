package io.jenkins.plugins.mldelivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The files of a canary test: the analysis (from the test resources) and the replayed predictions of
 * the baseline and of the canary, generated here: 400 scored rows whose labels follow a fixed
 * pattern; a good canary predicts like the baseline, a bad one gets every third row wrong.
 */
final class CanaryFixture {
    private CanaryFixture() {
        // static factories only
    }

    /**
     * Returns the analysis file's text.
     *
     * @return the YAML
     * @throws IOException if the resource is missing
     */
    static String analysis() throws IOException {
        try (InputStream in = CanaryFixture.class.getResourceAsStream("canary-replay.yaml")) {
            if (in == null) {
                throw new IOException("canary-replay.yaml is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Returns predictions in the contract's CSV form.
     *
     * @param wrongEvery every how many rows the prediction is wrong (0 for never)
     * @return the CSV text
     */
    static String predictions(final int wrongEvery) {
        StringBuilder csv = new StringBuilder("id,label,prediction,probability,latency_ms\n");
        for (int i = 0; i < 400; i++) {
            int label = i % 5 == 0 ? 1 : 0;
            boolean wrong = wrongEvery > 0 && i % wrongEvery == 0;
            int prediction = wrong ? 1 - label : label;
            double probability = prediction == 1 ? 0.8 : 0.2;
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%.2f,%d%n", i, label, prediction, probability, 20 + i % 7));
        }
        return csv.toString();
    }

    /**
     * Returns the Pipeline lines that write the canary's files into the workspace.
     *
     * @param canaryWrongEvery every how many rows the canary is wrong (0 for never)
     * @return the lines, inside a {@code node} block
     * @throws IOException if the analysis resource is missing
     */
    static String writeFiles(final int canaryWrongEvery) throws IOException {
        return "  writeFile file: 'canary.yaml', text: '" + TestJobs.groovy(analysis()) + "'\n"
                + "  writeFile file: 'baseline-predictions.csv', text: '" + TestJobs.groovy(predictions(0)) + "'\n"
                + "  writeFile file: 'canary-predictions.csv', text: '"
                + TestJobs.groovy(predictions(canaryWrongEvery)) + "'\n";
    }
}
