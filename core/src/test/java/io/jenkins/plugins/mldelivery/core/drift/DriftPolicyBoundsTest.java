package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy file's values stay within what a chart or a test can use, and each key is written once. */
public class DriftPolicyBoundsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String text) throws IOException {
        Path file = folder.newFile("policy.yaml").toPath();
        Files.writeString(file, text);
        return file;
    }

    @Test
    public void shouldRefuseAHugeBinCountInOneLineInsteadOfRunningOutOfMemory() throws IOException {
        Path policy = write("chartBins: 100000000\n");

        assertThatThrownBy(() -> DriftPolicyFile.read(policy)).isInstanceOf(BadInputException.class)
                .hasMessage(policy + ": chartBins: expected a whole number from 1 to 1000, found '100000000'");
    }

    @Test
    public void shouldBoundEveryCountOfThePolicy() throws IOException {
        for (String line : new String[] {"psiBins: 5000", "chartCategories: 0", "exactLimit: 2000000000", "psiBins: 1"}) {
            Path policy = folder.getRoot().toPath().resolve("p" + line.hashCode() + ".yaml");
            Files.writeString(policy, line + "\n");
            assertThatThrownBy(() -> DriftPolicyFile.read(policy)).as(line).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(policy + ": " + line.substring(0, line.indexOf(':')) + ": expected a whole number from ");
        }
        assertThat(DriftPolicyFile.read(write("chartBins: 1000\npsiBins: 2\n")).chartBins()).isEqualTo(1000);
    }

    @Test
    public void shouldNameAKeyWrittenTwiceInYamlOrJson() throws IOException {
        Path yaml = write("alpha: 0.05\nchartBins: 10\nalpha: 0.01\n");
        Path json = folder.getRoot().toPath().resolve("policy.json");
        Files.writeString(json, "{\"columns\": {\"income\": {\"critical\": true, \"critical\": false}}}");

        assertThatThrownBy(() -> DriftPolicyFile.read(yaml)).isInstanceOf(BadInputException.class)
                .hasMessage(yaml + ":3: duplicate key 'alpha': each key may appear once");
        assertThatThrownBy(() -> DriftPolicyFile.read(json)).isInstanceOf(BadInputException.class)
                .hasMessage(json + ":1: duplicate key 'critical': each key may appear once");
    }
}
