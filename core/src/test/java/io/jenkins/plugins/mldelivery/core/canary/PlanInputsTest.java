package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.canary.source.ReplaySourceTest;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every input of a plan is checked before the first move: a rollout that cannot finish must not
 * start (shift traffic, write a state that a rerun then repeats).
 */
public class PlanInputsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path dir;

    @Before
    public void writeFixture() throws IOException {
        dir = folder.getRoot().toPath();
        ReplaySourceTest.fixture(dir, 600);
    }

    private RolloutPlan plan(final String requests, final String canaryModel) throws IOException {
        Path file = dir.resolve("canary.yaml");
        Files.writeString(file, String.join("\n",
                "model: credit-risk",
                "stable: {version: '3', model: champion.json}",
                "canary: {version: '4', model: " + canaryModel + "}",
                "steps: [20, 50, 100]",
                "metrics: [{name: misclassification_rate, critical: true}, {name: error_rate, critical: true}]",
                "source: {type: replay, requests: " + requests + ", command: ['" + ExternalTools.python() + "', score.py, --model,"
                        + " '{model}', --data, '{input}', --out, '{output}']}",
                ""));
        return PlanReader.read(file);
    }

    @Test
    public void shouldRefuseAMissingRequestsFileBeforeAnyTrafficMoves() throws IOException {
        RolloutPlan plan = plan("recorded.csv", "champion.json");

        assertThatThrownBy(() -> RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(plan.file() + ": source.requests: " + dir.resolve("recorded.csv") + ": no such file; nothing was started");
        assertThat(plan.stateFile()).doesNotExist();
    }

    @Test
    public void shouldRefuseRecordedRequestsWithoutARequest() throws IOException {
        Files.writeString(dir.resolve("empty.csv"), "id,x,label\n");
        RolloutPlan plan = plan("empty.csv", "champion.json");

        assertThatThrownBy(() -> RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(plan.file() + ": source.requests: " + dir.resolve("empty.csv")
                        + ": no recorded request (a header and no row); nothing was started");
        assertThat(plan.stateFile()).doesNotExist();
    }

    @Test
    public void shouldRefuseAMissingModelFileBeforeAnyTrafficMoves() throws IOException {
        RolloutPlan plan = plan("requests.csv", "challenger.json");

        assertThatThrownBy(() -> RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(plan.file() + ": canary.model: " + dir.resolve("challenger.json") + ": no such file; nothing was started");
        assertThat(plan.stateFile()).doesNotExist();
    }

    @Test
    public void shouldStartOnceTheMissingInputIsThere() throws IOException {
        RolloutPlan plan = plan("recorded.csv", "champion.json");
        assertThatThrownBy(() -> RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test"));
        Files.copy(dir.resolve("requests.csv"), dir.resolve("recorded.csv"));

        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test")) {
            assertThat(controller.run().decision()).isEqualTo(CanaryDecision.PROMOTED);
        }
    }
}
