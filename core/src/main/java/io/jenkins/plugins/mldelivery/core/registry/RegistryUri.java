package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowCredentials;
import io.jenkins.plugins.mldelivery.core.registry.file.FileModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.mlflow.MlflowModelRegistry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Where a registry lives, as users write it: {@code file:DIR} for the embedded registry (a relative
 * {@code DIR} is taken from the working directory; {@code file:///abs/dir} works too) or
 * {@code mlflow:http://HOST:PORT} for an MLflow server.
 *
 * @param kind     which registry
 * @param location the directory or the server's base URI, as given
 */
public record RegistryUri(Kind kind, String location) {
    private static final String FILE_PREFIX = "file:";
    private static final String MLFLOW_PREFIX = "mlflow:";

    /** Validates the fields. */
    public RegistryUri {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Parses a registry URI.
     *
     * @param text e.g. {@code file:registry} or {@code mlflow:http://127.0.0.1:5000}
     * @return the parsed URI
     * @throws BadInputException naming the accepted forms
     */
    public static RegistryUri parse(final String text) {
        if (text != null && text.startsWith(FILE_PREFIX) && text.length() > FILE_PREFIX.length()) {
            String rest = text.substring(FILE_PREFIX.length());
            if (rest.startsWith("//")) {
                try {
                    return new RegistryUri(Kind.FILE, Paths.get(new URI(text)).toString());
                }
                catch (URISyntaxException | IllegalArgumentException e) {
                    throw invalid(text);
                }
            }
            return new RegistryUri(Kind.FILE, rest);
        }
        if (text != null && text.startsWith(MLFLOW_PREFIX)) {
            String rest = text.substring(MLFLOW_PREFIX.length());
            try {
                URI server = new URI(rest);
                if (("http".equals(server.getScheme()) || "https".equals(server.getScheme())) && server.getHost() != null) {
                    return new RegistryUri(Kind.MLFLOW, rest);
                }
            }
            catch (URISyntaxException e) {
                throw invalid(text);
            }
        }
        throw invalid(text);
    }

    /**
     * Opens the registry a URI names; MLflow credentials come from MLflow's environment variables.
     *
     * @param text the URI
     * @return the registry
     */
    public static ModelRegistry open(final String text) {
        return parse(text).open(MlflowCredentials.fromEnvironment(System.getenv()));
    }

    /**
     * Opens the registry.
     *
     * @param credentials the credentials for an MLflow server (ignored by the embedded registry)
     * @return the registry
     */
    public ModelRegistry open(final MlflowCredentials credentials) {
        if (kind == Kind.FILE) {
            return new FileModelRegistry(directory());
        }
        return new MlflowModelRegistry(MlflowClient.at(server()).withCredentials(credentials).build());
    }

    /**
     * Returns the embedded registry's directory.
     *
     * @return the directory
     */
    public Path directory() {
        if (kind != Kind.FILE) {
            throw new IllegalStateException(this + " is not a file registry");
        }
        return Paths.get(location);
    }

    /**
     * Returns the MLflow server's base URI.
     *
     * @return the URI
     */
    public URI server() {
        if (kind != Kind.MLFLOW) {
            throw new IllegalStateException(this + " is not an MLflow registry");
        }
        return URI.create(location);
    }

    @Override
    public String toString() {
        return (kind == Kind.FILE ? FILE_PREFIX : MLFLOW_PREFIX) + location;
    }

    private static BadInputException invalid(final String text) {
        return new BadInputException("registry URI '" + text + "': expected file:DIR or mlflow:http://HOST:PORT");
    }

    /** The kinds of registry. */
    public enum Kind {
        /** The embedded registry in a directory. */
        FILE,
        /** An MLflow server's registry. */
        MLFLOW
    }
}
