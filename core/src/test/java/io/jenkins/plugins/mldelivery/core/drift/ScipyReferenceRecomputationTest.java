package io.jenkins.plugins.mldelivery.core.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import io.jenkins.plugins.mldelivery.core.testing.NumericJson;
import org.junit.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed reference values are what {@code scipy_reference.py} computes with the project's
 * Python environment (SciPy pinned in {@code scripts/requirements-test.txt}): nobody edited them by hand.
 * Numbers are compared to 1e-12 relative (1e-300 absolute for tiny p-values), never bit for bit.
 */
public class ScipyReferenceRecomputationTest {
    private static final String SCRIPT = "core/src/test/resources/io/jenkins/plugins/mldelivery/core/drift/scipy_reference.py";

    @Test
    public void shouldRecomputeTheCommittedReferenceValuesWithScipy() throws Exception {
        Path python = ExternalTools.python();
        Process process = new ProcessBuilder(python.toString(), SCRIPT)
                .directory(ExternalTools.repositoryRoot().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        JsonNode recomputed = ResultJson.mapper().readTree(new String(output, StandardCharsets.UTF_8));
        JsonNode committed;
        try (InputStream in = getClass().getResourceAsStream("scipy-reference.json")) {
            committed = ResultJson.mapper().readTree(in);
        }
        // The interpreter's patch version may differ between machines; the libraries may not.
        ((ObjectNode) recomputed.get("versions")).remove("python");
        ((ObjectNode) committed.get("versions")).remove("python");
        // SciPy's compiled code differs in the last digits between machines (0.38305870441645384 here,
        // 0.38305870441645373 there); the values themselves are what is checked, to 1e-12 relative.
        assertThat(NumericJson.within(1e-12, 1e-300).differences(recomputed, committed)).isEmpty();
    }
}
