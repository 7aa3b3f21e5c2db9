package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.judge.Classification;
import io.jenkins.plugins.mldelivery.core.canary.judge.MetricVerdict;
import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.canary.source.ReplaySourceTest;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline canaries: recorded requests replayed through two versions' real scoring commands (Python).
 */
public class ReplayRolloutTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private CanaryResult rollout(final String canaryModel, final String... moreMetrics) throws IOException {
        Path dir = folder.getRoot().toPath();
        ReplaySourceTest.fixture(dir, 3000);
        Path file = dir.resolve("canary.yaml");
        Files.writeString(file, String.join("\n",
                "model: credit-risk",
                "stable: {version: '3', model: champion.json}",
                "canary: {version: '4', model: " + canaryModel + "}",
                "steps: [10, 25, 50, 100]",
                "metrics:",
                "  - {name: error_rate, critical: true}",
                "  - {name: misclassification_rate, critical: true, allowedChange: {ratio: 1.1}}",
                String.join("\n", moreMetrics),
                "source:",
                "  type: replay",
                "  requests: requests.csv",
                "  command: ['" + ExternalTools.python() + "', score.py, --model, '{model}', --data, '{input}', --out, '{output}']",
                ""));
        RolloutPlan plan = PlanReader.read(file);
        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test")) {
            return controller.run();
        }
    }

    @Test
    public void shouldPromoteAChallengerThatScoresLikeTheChampion() throws IOException {
        CanaryResult result = rollout("champion.json", "  - {name: logloss}", "  - {name: latency_ms, allowedChange: {absolute: 1}}");

        assertThat(result.decision()).as(result.summary()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(result.steps()).hasSize(3);
        assertThat(result.inputs()).extracting(i -> Path.of(i.path()).getFileName().toString())
                .containsExactly("canary.yaml", "requests.csv", "champion.json", "champion.json");
    }

    @Test
    public void shouldRollBackAChallengerThatMisclassifiesMoreRequests() throws IOException {
        CanaryResult result = rollout("biased.json");

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        MetricVerdict misclassification = result.steps().get(result.steps().size() - 1).metrics().get(1);
        assertThat(misclassification.name()).isEqualTo("misclassification_rate");
        assertThat(misclassification.classification()).as(result.summary()).isEqualTo(Classification.HIGH);
        assertThat(result.reason()).contains("critical metric misclassification_rate High");
    }

    @Test
    public void shouldSeeAWorseSpreadOfPerRequestLossBeforeTheErrorCountIsConclusive() throws IOException {
        CanaryResult result = rollout("biased.json", "  - {name: logloss, critical: true}");

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.steps()).hasSize(1);
        MetricVerdict logloss = result.steps().get(0).metrics().get(2);
        assertThat(logloss.classification()).isEqualTo(Classification.HIGH);
        assertThat(logloss.reason()).startsWith("High: spread");
    }

    @Test
    public void shouldRollBackAChallengerWhoseScoringCommandCrashes() throws IOException {
        CanaryResult result = rollout("broken.json");

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.steps().get(0).metrics().get(0).classification()).isEqualTo(Classification.HIGH);
        assertThat(result.steps().get(0).notes()).anyMatch(note -> note.startsWith("canary scoring failed"));
    }
}

