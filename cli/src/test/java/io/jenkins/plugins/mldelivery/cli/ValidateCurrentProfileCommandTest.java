package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.testing.SyntheticTable;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ml-delivery validate --current-profile}: a build gates on a profile of data it never reads. */
public class ValidateCurrentProfileCommandTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path profile(final String name, final long seed, final double shift) throws IOException {
        Path data = folder.getRoot().toPath().resolve(name + ".csv");
        SyntheticTable.write(data, 1_000_000, seed, shift);
        Path profile = folder.getRoot().toPath().resolve(name + ".json");
        assertThat(CommandLineTester.run("profile", "--data", data.toString(), "--out", profile.toString()).exitCode()).isZero();
        return profile;
    }

    @Test
    public void shouldPassAProfileOfTheSameDistributionAndFlagTheColumnsOfAShiftedOne() throws IOException {
        Path reference = profile("reference", 1, 0);
        Path same = profile("same", 1, 0);
        Path shifted = profile("shifted", 3, 1.0);

        CommandLineTester.Run pass = CommandLineTester.run("validate", "--current-profile", same.toString(),
                "--reference", reference.toString());
        CommandLineTester.Run fail = CommandLineTester.run("validate", "--current-profile", shifted.toString(),
                "--reference", reference.toString());

        assertThat(pass.exitCode()).as(pass.out()).isZero();
        assertThat(pass.out()).startsWith("validate: PASSED");
        assertThat(fail.out()).startsWith("validate: WARNING").contains("income: drifted", "balance: drifted", "score: drifted");
    }

    @Test
    public void shouldAskForExactlyOneOfDataAndCurrentProfile() throws IOException {
        Path reference = profile("reference", 1, 0);

        CommandLineTester.Run neither = CommandLineTester.run("validate", "--reference", reference.toString());
        CommandLineTester.Run both = CommandLineTester.run("validate", "--data", reference.toString(),
                "--current-profile", reference.toString());

        assertThat(neither.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(neither.err().strip().lines()).containsExactly(
                "validate: error: give the data to validate: either --data FILE|DIR or --current-profile CURRENT.json",
                "Run 'ml-delivery validate --help' for the options and examples.");
        assertThat(both.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
