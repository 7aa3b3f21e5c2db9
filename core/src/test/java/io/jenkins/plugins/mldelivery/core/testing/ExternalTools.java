package io.jenkins.plugins.mldelivery.core.testing;

import org.junit.Assume;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the real programs that tests run against (the project's Python environment with MLflow,
 * Prometheus, HAProxy, Chromium). The README's test command installs them and sets
 * {@code -Dmld.requireExternal=true}, so there a missing program fails the test; a developer who
 * runs plain {@code mvn verify} without them sees those tests skipped instead.
 */
public final class ExternalTools {
    private ExternalTools() {
        // static look-ups only
    }

    /**
     * Returns the repository's root directory (set by the build as {@code mld.repositoryRoot}).
     *
     * @return the root, or the working directory's parent chain's first directory with a {@code pom.xml} and {@code core/}
     */
    public static Path repositoryRoot() {
        String root = System.getProperty("mld.repositoryRoot");
        if (root != null && !root.isBlank()) {
            return Paths.get(root).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("core")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Paths.get("").toAbsolutePath());
    }

    /**
     * Returns the Python interpreter of the project's virtual environment ({@code scripts/python-env}).
     *
     * @return the interpreter, with numpy, scikit-learn and MLflow installed
     */
    public static Path python() {
        return require("mld.python", repositoryRoot().resolve(".venv/bin/python"), "scripts/python-env");
    }

    /**
     * Returns the Prometheus server binary (Debian package {@code prometheus}).
     *
     * @return the binary
     */
    public static Path prometheus() {
        return require("mld.prometheus", Paths.get("/usr/bin/prometheus"), "scripts/test-services");
    }

    /**
     * Returns the HAProxy binary (Debian package {@code haproxy}, 2.6 with its Prometheus exporter).
     *
     * @return the binary
     */
    public static Path haproxy() {
        return require("mld.haproxy", Paths.get("/usr/sbin/haproxy"), "scripts/test-services");
    }

    /**
     * Returns the Chromium browser binary (Debian package {@code chromium}).
     *
     * @return the binary
     */
    public static Path chromium() {
        return require("mld.chromium", Paths.get("/usr/bin/chromium"), "scripts/test-services");
    }

    /**
     * Says whether missing external programs fail tests (true under the README's test command).
     *
     * @return whether external programs are required
     */
    public static boolean required() {
        return Boolean.getBoolean("mld.requireExternal");
    }

    private static Path require(final String property, final Path fallback, final String installer) {
        String configured = System.getProperty(property);
        Path program = configured == null || configured.isBlank() ? fallback : Paths.get(configured);
        if (!Files.isExecutable(program)) {
            String message = program + " is not installed (set -D" + property + "=PATH, or run " + installer + ")";
            if (required()) {
                throw new AssertionError(message);
            }
            Assume.assumeTrue(message, false);
        }
        return program;
    }
}
