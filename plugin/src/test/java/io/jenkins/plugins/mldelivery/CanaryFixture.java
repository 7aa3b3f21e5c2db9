package io.jenkins.plugins.mldelivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The files of a canary test: the rollout plan (from the test resources, in core.canary's format) and
 * the samples its command source prints, generated here: both versions answer with the same latencies;
 * a good canary fails 2 requests in 1000 like the stable version, a bad one 90.
 */
final class CanaryFixture {
    private CanaryFixture() {
        // static factories only
    }

    /**
     * Returns the plan's text.
     *
     * @return the YAML
     * @throws IOException if the resource is missing
     */
    static String plan() throws IOException {
        try (InputStream in = CanaryFixture.class.getResourceAsStream("canary-plan.yaml")) {
            if (in == null) {
                throw new IOException("canary-plan.yaml is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Returns what the plan's metrics command prints: {@code error_rate} as events among trials and
     * {@code latency_ms} as a list of values, for the stable version and the canary.
     *
     * @param canaryErrors the canary's failed requests among 1000 (the stable version fails 20 in 10000)
     * @return the JSON text
     */
    static String samples(final int canaryErrors) {
        return String.format(Locale.ROOT, "{\"stable\": {\"error_rate\": {\"events\": 20, \"trials\": 10000},"
                + " \"latency_ms\": %s}, \"canary\": {\"error_rate\": {\"events\": %d, \"trials\": 1000},"
                + " \"latency_ms\": %s}}", latencies(), canaryErrors, latencies());
    }

    private static String latencies() {
        StringJoiner values = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < 60; i++) {
            values.add(String.valueOf(20 + i % 7));
        }
        return values.toString();
    }

    /**
     * Returns the Pipeline lines that write the canary's files into the workspace.
     *
     * @param canaryErrors the canary's failed requests among 1000 (2 is as good as the stable version)
     * @return the lines, inside a {@code node} block
     * @throws IOException if the plan resource is missing
     */
    static String writeFiles(final int canaryErrors) throws IOException {
        return "  writeFile file: 'canary.yaml', text: '" + TestJobs.groovy(plan()) + "'\n"
                + "  writeFile file: 'samples.json', text: '" + TestJobs.groovy(samples(canaryErrors)) + "'\n";
    }
}
