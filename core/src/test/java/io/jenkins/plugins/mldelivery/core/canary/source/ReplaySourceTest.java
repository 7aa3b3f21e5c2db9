package io.jenkins.plugins.mldelivery.core.canary.source;

import io.jenkins.plugins.mldelivery.core.canary.judge.Observation;
import io.jenkins.plugins.mldelivery.core.canary.plan.CommandTemplate;
import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.RetryPolicy;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ReplaySourceTest {
    private static final Instant NOW = Instant.parse("2026-08-01T10:00:00Z");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path dir;

    /** Writes recorded requests (id, x, label with label = [x + noise > 0]), the scoring script and three models. */
    public static Path fixture(final Path dir, final int rows) throws IOException {
        StringBuilder csv = new StringBuilder("id,x,label\n");
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < rows; i++) {
            double x = random.nextDouble(-2, 2);
            int label = x + random.nextDouble(-1, 1) > 0 ? 1 : 0;
            csv.append(String.format(Locale.ROOT, "r%05d,%.4f,%d%n", i, x, label));
        }
        Files.writeString(dir.resolve("requests.csv"), csv);
        try (InputStream script = ReplaySourceTest.class.getResourceAsStream("score.py")) {
            Files.copy(script, dir.resolve("score.py"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("champion.json"), "{\"weight\": 3, \"bias\": 0}");
        Files.writeString(dir.resolve("biased.json"), "{\"weight\": 3, \"bias\": 4.5}");
        Files.writeString(dir.resolve("broken.json"), "{\"fail\": true}");
        return dir.resolve("requests.csv");
    }

    @Before
    public void writeFixture() throws IOException {
        dir = folder.getRoot().toPath();
        fixture(dir, 900);
    }

    private ReplaySource source(final String stableModel, final String canaryModel) {
        CommandTemplate scoring = CommandTemplate.of(List.of(ExternalTools.python().toString(), "score.py", "--model", "{model}",
                "--data", "{input}", "--out", "{output}"));
        return new ReplaySource(new SourceSpec.Replay(dir.resolve("requests.csv"), scoring, 0, 0, 7,
                new RetryPolicy(0, Duration.ZERO, Duration.ofSeconds(60))),
                new ModelIdentity("3", stableModel), new ModelIdentity("4", canaryModel), 3, dir);
    }

    @Test
    public void shouldSplitEachStepsSliceOfRequestsByTheWeight() {
        Collected collected = source("champion.json", "champion.json").collect(new AnalysisWindow(1, 25, NOW, NOW));

        Observation.Counts stable = (Observation.Counts) collected.samples().get("error_rate").stable();
        Observation.Counts canary = (Observation.Counts) collected.samples().get("error_rate").canary();
        assertThat(stable.trials() + canary.trials()).isEqualTo(300);
        assertThat(canary.trials()).isBetween(55L, 95L);
        assertThat(collected.notes().get(0)).isEqualTo("replayed requests 301-600 of requests.csv: " + stable.trials()
                + " to the stable version, " + canary.trials() + " to the canary");
    }

    @Test
    public void shouldMeasurePerRequestCorrectnessLossAndLatency() {
        Collected collected = source("champion.json", "biased.json").collect(new AnalysisWindow(0, 50, NOW, NOW));

        Observation.Counts stableWrong = (Observation.Counts) collected.samples().get("misclassification_rate").stable();
        Observation.Counts canaryWrong = (Observation.Counts) collected.samples().get("misclassification_rate").canary();
        assertThat(canaryWrong.rate()).isGreaterThan(stableWrong.rate() + 0.1);
        assertThat(((Observation.Counts) collected.samples().get("positive_rate").canary()).rate()).isGreaterThan(0.75);
        assertThat(((Observation.Counts) collected.samples().get("error_rate").canary()).events()).isZero();
        assertThat(((Observation.Values) collected.samples().get("logloss").stable()).size()).isEqualTo((int) stableWrong.trials());
        assertThat(((Observation.Values) collected.samples().get("latency_ms").canary()).size()).isEqualTo((int) canaryWrong.trials());
    }

    @Test
    public void shouldCountTheRequestsOfACrashingCanaryAsErrors() {
        Collected collected = source("champion.json", "broken.json").collect(new AnalysisWindow(0, 50, NOW, NOW));

        Observation.Counts errors = (Observation.Counts) collected.samples().get("error_rate").canary();
        assertThat(errors.events()).isEqualTo(errors.trials()).isPositive();
        assertThat(collected.notes()).anyMatch(note -> note.startsWith("canary scoring failed on ")
                && note.endsWith("exited with 1: " + dir.resolve("broken.json") + ": cannot load the model: truncated file"));
    }

    @Test
    public void shouldRefuseToCompareWhenTheStableVersionFailsEverywhere() {
        assertThatThrownBy(() -> source("broken.json", "champion.json").collect(new AnalysisWindow(0, 50, NOW, NOW)))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageStartingWith("replay: the stable version's scoring failed on all ");
    }

    @Test
    public void shouldAssignRequestsReproduciblyAndKeepThemOnTheCanaryAsItsWeightGrows() {
        int atFive = 0;
        int atFifty = 0;
        for (int i = 0; i < 100_000; i++) {
            int bucket = ReplaySource.bucket("r" + i, 7);
            assertThat(ReplaySource.bucket("r" + i, 7)).isEqualTo(bucket);
            atFive += bucket < 500 ? 1 : 0;
            atFifty += bucket < 5000 ? 1 : 0;
        }
        assertThat(atFive / 100_000.0).isCloseTo(0.05, org.assertj.core.api.Assertions.within(0.003));
        assertThat(atFifty / 100_000.0).isCloseTo(0.50, org.assertj.core.api.Assertions.within(0.005));
    }
}
