package io.jenkins.plugins.mldelivery;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mldelivery.core.seams.RegistryAccess;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The global configuration of ML Delivery (Manage Jenkins, System; Configuration as Code:
 * {@code unclassified: mlDelivery:}). Without an MLflow URL, models are registered in the embedded
 * registry under the Jenkins home; with one, in that MLflow server, authenticated with a token
 * (secret text) or a username and password from the Credentials plugin.
 */
@Extension
@Symbol("mlDelivery")
public final class MlDeliveryConfiguration extends GlobalConfiguration {
    /** The credentials MLflow accepts: a token (secret text) or a username with a password. */
    private static final CredentialsMatcher MLFLOW_CREDENTIALS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StringCredentials.class),
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));

    private String mlflowUrl;
    private String mlflowCredentialsId;

    /** Loads the saved configuration. */
    public MlDeliveryConfiguration() {
        load();
    }

    /**
     * Returns the configuration.
     *
     * @return the singleton
     */
    public static MlDeliveryConfiguration get() {
        return ExtensionList.lookupSingleton(MlDeliveryConfiguration.class);
    }

    @CheckForNull
    public String getMlflowUrl() {
        return mlflowUrl;
    }

    /**
     * Sets the MLflow server; blank for the embedded registry.
     *
     * @param mlflowUrl an {@code http} or {@code https} URL, e.g. {@code http://mlflow:5000}
     */
    @DataBoundSetter
    public void setMlflowUrl(final String mlflowUrl) {
        this.mlflowUrl = Util.fixEmptyAndTrim(mlflowUrl);
        save();
    }

    @CheckForNull
    public String getMlflowCredentialsId() {
        return mlflowCredentialsId;
    }

    /**
     * Sets the credentials used with MLflow; blank for none.
     *
     * @param mlflowCredentialsId the ID of a secret text or username/password credential
     */
    @DataBoundSetter
    public void setMlflowCredentialsId(final String mlflowCredentialsId) {
        this.mlflowCredentialsId = Util.fixEmptyAndTrim(mlflowCredentialsId);
        save();
    }

    /**
     * Returns where the embedded registry keeps its models, under the Jenkins home.
     *
     * @return the registry's directory
     */
    public Path getEmbeddedRegistryDirectory() {
        return Jenkins.get().getRootDir().toPath().resolve("ml-delivery").resolve("registry");
    }

    /**
     * Returns the registry that builds use, with its credentials resolved for a build (and their use
     * recorded on it).
     *
     * @param run the build
     * @return the registry's URI and credentials
     * @throws AbortException if the configured credentials no longer exist
     */
    public RegistryAccess registryAccess(final Run<?, ?> run) throws AbortException {
        if (mlflowUrl == null) {
            Path embedded = getEmbeddedRegistryDirectory();
            try {
                // ml-delivery reads a registry only where one exists (a mistyped path must not read as
                // "no champion yet"); the embedded registry is Jenkins' own, so it exists, empty, before
                // the first promotion, and the first build's gate finds no champion in it.
                Files.createDirectories(embedded);
            }
            catch (IOException e) {
                throw new AbortException("ML Delivery: cannot create the embedded registry " + embedded + ": " + e.getMessage());
            }
            return new RegistryAccess("file:" + embedded, null, null, null);
        }
        String uri = "mlflow:" + mlflowUrl;
        if (mlflowCredentialsId == null) {
            return new RegistryAccess(uri, null, null, null);
        }
        StandardCredentials credentials = findCredentials(mlflowCredentialsId);
        if (credentials == null) {
            throw new AbortException("ML Delivery: the MLflow credentials '" + mlflowCredentialsId
                    + "' of the global configuration do not exist (Manage Jenkins, System, ML Delivery)");
        }
        CredentialsProvider.track(run, credentials);
        if (credentials instanceof StringCredentials token) {
            return new RegistryAccess(uri, token.getSecret().getPlainText(), null, null);
        }
        StandardUsernamePasswordCredentials user = (StandardUsernamePasswordCredentials) credentials;
        return new RegistryAccess(uri, null, user.getUsername(), user.getPassword().getPlainText());
    }

    /**
     * Returns the environment that points an MLflow client (such as a Python training script) at the
     * configured server: {@code MLFLOW_TRACKING_URI} and the token or the username and password.
     *
     * @param access the registry access of the build
     * @return the variables, empty with the embedded registry
     */
    public static Map<String, String> mlflowEnvironment(final RegistryAccess access) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (!access.uri().startsWith("mlflow:")) {
            return environment;
        }
        environment.put("MLFLOW_TRACKING_URI", access.uri().substring("mlflow:".length()));
        if (access.bearerToken() != null) {
            environment.put("MLFLOW_TRACKING_TOKEN", access.bearerToken());
        }
        if (access.username() != null && access.password() != null) {
            environment.put("MLFLOW_TRACKING_USERNAME", access.username());
            environment.put("MLFLOW_TRACKING_PASSWORD", access.password());
        }
        return environment;
    }

    @CheckForNull
    private static StandardCredentials findCredentials(final String id) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(),
                        ACL.SYSTEM2, List.of()),
                CredentialsMatchers.allOf(CredentialsMatchers.withId(id), MLFLOW_CREDENTIALS));
    }

    /**
     * Checks the MLflow URL.
     *
     * @param value the URL
     * @return an error unless the URL is blank or an {@code http}/{@code https} URL with a host
     */
    @POST
    public FormValidation doCheckMlflowUrl(@QueryParameter final String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            return FormValidation.ok("Models are kept in the embedded registry under the Jenkins home");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return FormValidation.error("Give an http or https URL with a host, e.g. http://mlflow:5000");
            }
            return FormValidation.ok();
        }
        catch (URISyntaxException e) {
            return FormValidation.error("Not a URL: " + e.getReason());
        }
    }

    /**
     * Checks that the chosen credentials exist and are a token or a username with a password.
     *
     * @param value the credentials ID
     * @return an error if no such credentials exist
     */
    @POST
    public FormValidation doCheckMlflowCredentialsId(@QueryParameter final String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.ok("MLflow is called without authentication");
        }
        if (findCredentials(id) == null) {
            return FormValidation.error("No secret text or username/password credentials with ID " + id);
        }
        return FormValidation.ok();
    }

    /**
     * Lists the credentials usable with MLflow.
     *
     * @param mlflowCredentialsId the current value, kept in the list even if the user cannot see it
     * @return the choices
     */
    @POST
    public ListBoxModel doFillMlflowCredentialsIdItems(@QueryParameter final String mlflowCredentialsId) {
        String current = Util.fixNull(mlflowCredentialsId);
        StandardListBoxModel items = new StandardListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return items.includeCurrentValue(current);
        }
        return items.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), MLFLOW_CREDENTIALS)
                .includeCurrentValue(current);
    }
}
