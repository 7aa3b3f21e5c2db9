package io.jenkins.plugins.mldelivery.cli;

import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class MlDeliveryCommandTest {
    @Test
    public void shouldListEveryStepInTheHelp() {
        CommandLineTester.Run run = CommandLineTester.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate", "profile", "train", "gate", "promote", "registry", "canary", "report", "demo");
    }

    @Test
    public void shouldRejectAnUnknownCommandWithExitCode2() {
        CommandLineTester.Run run = CommandLineTester.run("deploy");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("deploy");
    }

    @Test
    public void shouldAskForACommandWhenNoneIsGiven() {
        CommandLineTester.Run run = CommandLineTester.run();

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Missing command");
    }
}
