package io.jenkins.plugins.mldelivery.core.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed reference values are what {@code scipy_reference.py} computes with the project's
 * Python environment (SciPy pinned in {@code scripts/requirements-test.txt}): nobody edited them by hand.
 * Numbers are compared within a tolerance, never bit for bit (another process, another CPU).
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
        assertSame("", recomputed, committed);
    }

    /**
     * Same structure and strings; numbers equal within 1e-12 relative (or 1e-300 absolute): SciPy's last
     * digits depend on the CPU's math library (kstwo.sf differs by 3e-16 between two x86 machines).
     */
    private static void assertSame(final String path, final JsonNode recomputed, final JsonNode committed) {
        if (committed.isNumber() && recomputed.isNumber()) {
            double expected = committed.asDouble();
            double actual = recomputed.asDouble();
            assertThat(Math.abs(actual - expected)).as(path + ": " + actual + " vs committed " + expected)
                    .isLessThanOrEqualTo(Math.max(1e-300, 1e-12 * Math.abs(expected)));
            return;
        }
        assertThat(recomputed.getNodeType()).as(path).isEqualTo(committed.getNodeType());
        if (committed.isContainerNode()) {
            assertThat(recomputed.size()).as(path + " size").isEqualTo(committed.size());
            if (committed.isArray()) {
                for (int i = 0; i < committed.size(); i++) {
                    assertSame(path + "[" + i + "]", recomputed.get(i), committed.get(i));
                }
            }
            else {
                committed.fieldNames().forEachRemaining(name -> {
                    assertThat(recomputed.has(name)).as(path + "." + name).isTrue();
                    assertSame(path + "." + name, recomputed.get(name), committed.get(name));
                });
            }
            return;
        }
        assertThat(recomputed).as(path).isEqualTo(committed);
    }
}
