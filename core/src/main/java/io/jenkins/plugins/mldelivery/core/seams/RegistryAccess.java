package io.jenkins.plugins.mldelivery.core.seams;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the model registry: its URI ({@code file:DIR} for the embedded registry under the
 * Jenkins home, {@code mlflow:http://HOST:PORT} for MLflow) and the MLflow credentials, if any.
 * Secrets are never printed: {@link #toString()} masks them. It crosses to the agent only inside the
 * training's MLflow tracking, which talks to the server from there.
 *
 * @param uri         the registry URI, as the CLI's {@code --registry} takes it
 * @param bearerToken an MLflow token ({@code Authorization: Bearer}), if configured
 * @param username    an MLflow user for basic authentication, if configured
 * @param password    that user's password, if configured
 */
public record RegistryAccess(String uri, String bearerToken, String username,
        String password) implements Serializable {
    /** The prefix of an MLflow registry's URI. */
    public static final String MLFLOW_PREFIX = "mlflow:";

    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields. */
    public RegistryAccess {
        Objects.requireNonNull(uri, "uri");
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("A username needs a password and the other way round");
        }
    }

    /**
     * Returns the secret values, so that build logs can mask them.
     *
     * @return the token and the password, when set
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (bearerToken != null) {
            secrets.add(bearerToken);
        }
        if (password != null) {
            secrets.add(password);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "RegistryAccess[uri=" + uri + ", bearerToken=" + (bearerToken == null ? "none" : "****")
                + ", username=" + (username == null ? "none" : username) + ", password="
                + (password == null ? "none" : "****") + "]";
    }
}
