package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A promotion relies on a gate file only when it is a gate result whose verdict and status agree: it fails closed. */
public class GateSummaryTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path gate(final String step, final String status, final String verdict) throws IOException {
        return Files.writeString(folder.getRoot().toPath().resolve("gate.json"), """
                {"step": "%s", "status": "%s", "verdict": "%s",
                 "rules": [{"rule": "f1 >= 0.8", "left": 0.81, "right": 0.8, "passed": true, "skipped": false}]}
                """.formatted(step, status, verdict));
    }

    @Test
    public void shouldAcceptAGateThatPassedOrWarnedByVerdictAndStatus() throws IOException {
        assertThat(GateSummary.read(gate("gate", "PASSED", "PASSED")).failed()).isFalse();
        assertThat(GateSummary.read(gate("gate", "WARNING", "WARNING")).failed()).isFalse();
        assertThat(GateSummary.read(gate("gate", "FAILED", "FAILED")).failed()).isTrue();
    }

    @Test
    public void shouldRefuseAVerdictItDoesNotKnow() throws IOException {
        Path file = gate("gate", "PASSED", "MAYBE");

        assertThatThrownBy(() -> GateSummary.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("verdict 'MAYBE'");
    }

    @Test
    public void shouldRefuseAVerdictWithATrailingBlank() throws IOException {
        Path file = gate("gate", "FAILED", "FAILED ");

        assertThatThrownBy(() -> GateSummary.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("verdict 'FAILED '");
    }

    @Test
    public void shouldRefuseAVerdictThatItsStatusContradicts() throws IOException {
        Path file = gate("gate", "FAILED", "PASSED");

        assertThatThrownBy(() -> GateSummary.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("verdict 'PASSED' with status 'FAILED'");
    }

    @Test
    public void shouldRefuseTheResultOfAnotherStep() throws IOException {
        Path file = gate("validate", "PASSED", "PASSED");

        assertThatThrownBy(() -> GateSummary.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": not a gate result (its step is 'validate')");
    }

    @Test
    public void shouldRefuseAGateWithoutAVerdict() throws IOException {
        Path file = Files.writeString(folder.getRoot().toPath().resolve("gate.json"), "{\"step\": \"gate\", \"status\": \"PASSED\"}");

        assertThatThrownBy(() -> GateSummary.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": missing required field 'verdict'");
    }
}
