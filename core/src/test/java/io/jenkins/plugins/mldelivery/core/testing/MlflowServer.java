package io.jenkins.plugins.mldelivery.core.testing;

import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real MLflow tracking and registry server (from PyPI, in the project's virtual environment),
 * started on loopback with a SQLite backend for a test class and stopped after it.
 * <pre>{@code @ClassRule public static MlflowServer mlflow = new MlflowServer();}</pre>
 */
public class MlflowServer extends ExternalResource {
    private final TemporaryFolder folder = new TemporaryFolder();
    private final boolean plainArtifactPath;
    private ServerProcess server;
    private URI uri;

    /** A server whose artifact root is a {@code file:} URI. */
    public MlflowServer() {
        this(false);
    }

    private MlflowServer(final boolean plainArtifactPath) {
        this.plainArtifactPath = plainArtifactPath;
    }

    /**
     * Returns a server started as most teams start one, {@code --default-artifact-root /some/dir}:
     * its runs' artifact URIs are plain paths, which clients write directly.
     *
     * @return the rule
     */
    public static MlflowServer withLocalArtifactRoot() {
        return new MlflowServer(true);
    }

    /**
     * Returns the directory the server keeps its artifacts in.
     *
     * @return the directory
     */
    public Path artifactRoot() {
        return folder.getRoot().toPath().resolve("artifacts");
    }

    @Override
    protected void before() throws IOException {
        Path python = ExternalTools.python();
        folder.create();
        Path dir = folder.getRoot().toPath();
        int port = ServerProcess.freePort();
        uri = URI.create("http://127.0.0.1:" + port);
        server = ServerProcess.start(List.of(python.toString(), "-m", "mlflow", "server",
                        "--host", "127.0.0.1", "--port", String.valueOf(port), "--workers", "1",
                        "--backend-store-uri", "sqlite:///" + dir.resolve("mlflow.db"),
                        "--default-artifact-root", plainArtifactPath ? dir.resolve("artifacts").toString()
                                : dir.resolve("artifacts").toUri().toString()),
                // Job execution (GenAI evaluation jobs) starts eight worker processes the registry and tracking do not need.
                Map.of("MLFLOW_DISABLE_TELEMETRY", "true", "DO_NOT_TRACK", "true", "MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false"),
                dir, uri.resolve("/health"), Duration.ofSeconds(90));
    }

    @Override
    protected void after() {
        if (server != null) {
            server.close();
        }
        folder.delete();
    }

    /**
     * Returns the server's base URI, e.g. {@code http://127.0.0.1:5123}.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * Returns the last lines of the server's log, for failure messages.
     *
     * @return the log tail
     */
    public String logTail() {
        return server == null ? "" : server.logTail();
    }
}
