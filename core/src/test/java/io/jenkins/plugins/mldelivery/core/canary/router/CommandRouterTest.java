package io.jenkins.plugins.mldelivery.core.canary.router;

import io.jenkins.plugins.mldelivery.core.canary.plan.CommandTemplate;
import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class CommandRouterTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private CommandRouter router(final Path dir, final String setWeight) {
        return new CommandRouter(new RouterSpec.Command(CommandTemplate.parse(setWeight),
                CommandTemplate.parse("sh -c 'echo promoted > state'"), CommandTemplate.parse("sh -c 'echo 0 > state'"),
                CommandTemplate.parse("cat state"), Duration.ofSeconds(10)), dir);
    }

    @Test
    public void shouldSubstituteTheWeightsIntoTheUsersCommand() throws IOException {
        Path dir = folder.getRoot().toPath();
        CommandRouter router = router(dir, "sh -c 'echo $0 > state; echo $1 > stable' {weight} {stableWeight}");

        router.setCanaryWeight(25);

        assertThat(Files.readString(dir.resolve("state")).strip()).isEqualTo("25");
        assertThat(Files.readString(dir.resolve("stable")).strip()).isEqualTo("75");
        assertThat(router.snapshot().canaryWeight()).isEqualTo(25);
    }

    @Test
    public void shouldRunTheRollbackCommand() {
        Path dir = folder.getRoot().toPath();
        CommandRouter router = router(dir, "sh -c 'echo $0 > state' {weight}");
        router.setCanaryWeight(50);

        router.rollback();

        assertThat(router.snapshot().canaryWeight()).isZero();
    }

    @Test
    public void shouldReportAFailingCommandWithItsLastLineOfOutput() {
        CommandRouter router = router(folder.getRoot().toPath(), "sh -c 'echo connecting >&2; echo \"403 Forbidden: weights\" >&2; exit 4'");

        assertThatThrownBy(() -> router.setCanaryWeight(5)).isInstanceOf(ExternalSystemException.class)
                .hasMessage("router setWeight: 'sh -c echo connecting >&2; echo \"403 Forbidden: weights\" >&2; exit 4' exited with 4: "
                        + "403 Forbidden: weights");
    }
}
