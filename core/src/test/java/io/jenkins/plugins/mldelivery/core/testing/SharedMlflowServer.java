package io.jenkins.plugins.mldelivery.core.testing;


import java.io.IOException;

/**
 * One real MLflow server for every test class of a test JVM that talks to MLflow: starting one
 * takes about ten seconds, so the classes share it, and it stops when the JVM exits.
 * <pre>{@code @ClassRule public static MlflowServer mlflow = SharedMlflowServer.instance();}</pre>
 */
public final class SharedMlflowServer extends MlflowServer {
    private static SharedMlflowServer instance;

    private boolean started;

    private SharedMlflowServer() {
        super();
    }

    /**
     * Returns the shared server rule.
     *
     * @return the rule; the server starts when the first class using it starts
     */
    public static synchronized SharedMlflowServer instance() {
        if (instance == null) {
            instance = new SharedMlflowServer();
        }
        return instance;
    }

    @Override
    protected synchronized void before() throws IOException {
        if (!started) {
            super.before();
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(super::after, "stop shared MLflow server"));
        }
    }

    @Override
    protected void after() {
        // kept running for the next test class of this JVM; the shutdown hook stops it
    }
}
