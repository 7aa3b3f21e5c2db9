package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares output with a file under {@code src/test/resources/.../report/golden/}. After a deliberate
 * change, run the test once with {@code -Dmld.updateGolden=true} to rewrite the files, then review the
 * diff before committing it.
 */
final class Golden {
    private static final String FOLDER = "io/jenkins/plugins/mldelivery/core/report/golden/";

    private Golden() {
    }

    static void assertMatches(final String actual, final String name) {
        if (Boolean.getBoolean("mld.updateGolden")) {
            try {
                Path file = ExternalTools.repositoryRoot().resolve("core/src/test/resources/" + FOLDER + name);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream("/" + FOLDER + name)) {
            assertThat(in).as("golden file %s (create it with -Dmld.updateGolden=true)", name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
