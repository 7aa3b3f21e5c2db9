package io.jenkins.plugins.mldelivery.core.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * How to authenticate to an MLflow server: nothing, a bearer token, or a user name and password
 * (HTTP basic), as MLflow's own clients read them from {@code MLFLOW_TRACKING_TOKEN},
 * {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}.
 *
 * @param token    the bearer token, or {@code null}
 * @param username the basic-auth user, or {@code null}
 * @param password the basic-auth password, or {@code null}
 */
public record MlflowCredentials(String token, String username, String password) {
    private static final MlflowCredentials NONE = new MlflowCredentials(null, null, null);

    /** Checks that at most one kind of authentication is given, and that basic auth has both parts. */
    public MlflowCredentials {
        if (token != null && username != null) {
            throw new IllegalArgumentException("give either a bearer token or a user name and password, not both");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("basic authentication needs both a user name and a password");
        }
    }

    /**
     * Returns credentials that authenticate nothing.
     *
     * @return no credentials
     */
    public static MlflowCredentials none() {
        return NONE;
    }

    /**
     * Returns a bearer token.
     *
     * @param token the token
     * @return the credentials
     */
    public static MlflowCredentials bearer(final String token) {
        return new MlflowCredentials(token, null, null);
    }

    /**
     * Returns a user name and password for HTTP basic authentication.
     *
     * @param username the user
     * @param password the password
     * @return the credentials
     */
    public static MlflowCredentials basic(final String username, final String password) {
        return new MlflowCredentials(null, username, password);
    }

    /**
     * Reads the credentials MLflow's clients read: {@code MLFLOW_TRACKING_TOKEN}, else
     * {@code MLFLOW_TRACKING_USERNAME} with {@code MLFLOW_TRACKING_PASSWORD}.
     *
     * @param environment the environment, e.g. {@code System.getenv()}
     * @return the credentials found, or none
     */
    public static MlflowCredentials fromEnvironment(final Map<String, String> environment) {
        String token = blankToNull(environment.get("MLFLOW_TRACKING_TOKEN"));
        if (token != null) {
            return bearer(token);
        }
        String user = blankToNull(environment.get("MLFLOW_TRACKING_USERNAME"));
        if (user != null) {
            String password = environment.get("MLFLOW_TRACKING_PASSWORD");
            return basic(user, password == null ? "" : password);
        }
        return none();
    }

    /**
     * Returns the value of the {@code Authorization} header these credentials send.
     *
     * @return the header value, or empty for no credentials
     */
    public Optional<String> authorization() {
        if (token != null) {
            return Optional.of("Bearer " + token);
        }
        if (username != null) {
            String pair = username + ":" + password;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /** Never shows a secret: logs and messages may print credentials. */
    @Override
    public String toString() {
        if (token != null) {
            return "MlflowCredentials[bearer ****]";
        }
        if (username != null) {
            return "MlflowCredentials[basic " + username + ":****]";
        }
        return "MlflowCredentials[none]";
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
