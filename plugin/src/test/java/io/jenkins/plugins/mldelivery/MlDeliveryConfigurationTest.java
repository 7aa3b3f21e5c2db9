package io.jenkins.plugins.mldelivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.util.Secret;
import io.jenkins.plugins.mldelivery.core.seams.RegistryAccess;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Specifies the global configuration and the security of every form method. */
public class MlDeliveryConfigurationTest {
    private static final String CONFIGURATION = "descriptorByName/" + MlDeliveryConfiguration.class.getName() + "/";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void addMlflowToken() {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "mlflow-token", "MLflow token", Secret.fromString("s3cr3t-token")));
    }

    private void secureJenkins() {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("developer")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
    }

    private Page post(final JenkinsRule.WebClient webClient, final String relative) throws Exception {
        return webClient.getPage(webClient.addCrumb(new WebRequest(new URL(j.getURL(), relative), HttpMethod.POST)));
    }

    private JenkinsRule.WebClient as(final String user) throws Exception {
        return j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
    }

    @Test
    public void shouldRefuseFormValidationRequestedWithGet() throws Exception {
        secureJenkins();
        Page page = as("admin").goTo(CONFIGURATION + "checkMlflowUrl?value=ftp://mlflow", null);

        assertThat(page.getWebResponse().getStatusCode()).isIn(404, 405);
    }

    @Test
    public void shouldRefuseFormValidationToAUserWhoCannotAdministerJenkins() throws Exception {
        secureJenkins();
        Page page = post(as("reader"), CONFIGURATION + "checkMlflowUrl?value=ftp://mlflow");

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
    }

    @Test
    public void shouldRejectAnMlflowUrlThatIsNotHttp() throws Exception {
        secureJenkins();
        Page page = post(as("admin"), CONFIGURATION + "checkMlflowUrl?value=ftp://mlflow");

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getWebResponse().getContentAsString()).contains("Give an http or https URL with a host");
    }

    @Test
    public void shouldListTheMlflowCredentialsOnlyToAnAdministrator() throws Exception {
        secureJenkins();
        String forAdmin = post(as("admin"), CONFIGURATION + "fillMlflowCredentialsIdItems").getWebResponse()
                .getContentAsString();
        String forReader = post(as("reader"), CONFIGURATION + "fillMlflowCredentialsIdItems").getWebResponse()
                .getContentAsString();

        assertThat(forAdmin).contains("mlflow-token");
        assertThat(forReader).doesNotContain("mlflow-token");
    }

    @Test
    public void shouldCheckAStepsFormOnlyForAUserWhoMayConfigureTheJob() throws Exception {
        secureJenkins();
        WorkflowJob job = TestJobs.pipeline(j, "echo 'unused'");
        String check = job.getUrl() + "descriptorByName/io.jenkins.plugins.mldelivery.steps.GateStep/checkRules?value=";

        assertThat(post(as("reader"), check + "accuracy").getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(as("developer").goTo(check + "accuracy", null).getWebResponse().getStatusCode()).isIn(404, 405);
        assertThat(post(as("developer"), check).getWebResponse().getContentAsString())
                .contains("Give at least one rule");
    }

    @Test
    public void shouldKeepTheSettingsThroughTheConfigurationPage() throws Exception {
        MlDeliveryConfiguration configuration = MlDeliveryConfiguration.get();
        configuration.setMlflowUrl("http://127.0.0.1:5999");
        configuration.setMlflowCredentialsId("mlflow-token");

        j.configRoundtrip();

        assertThat(MlDeliveryConfiguration.get().getMlflowUrl()).isEqualTo("http://127.0.0.1:5999");
        assertThat(MlDeliveryConfiguration.get().getMlflowCredentialsId()).isEqualTo("mlflow-token");
    }

    @Test
    public void shouldResolveTheRegistryOfABuildWithTheTokenAndNeverPrintIt() throws Exception {
        MlDeliveryConfiguration configuration = MlDeliveryConfiguration.get();
        FreeStyleProject project = j.createFreeStyleProject();
        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        RegistryAccess embedded = configuration.registryAccess(build);
        configuration.setMlflowUrl("http://127.0.0.1:5999");
        configuration.setMlflowCredentialsId("mlflow-token");
        RegistryAccess mlflow = configuration.registryAccess(build);

        assertThat(embedded.uri()).isEqualTo("file:" + configuration.getEmbeddedRegistryDirectory());
        assertThat(mlflow.uri()).isEqualTo("mlflow:http://127.0.0.1:5999");
        assertThat(mlflow.bearerToken()).isEqualTo("s3cr3t-token");
        assertThat(mlflow.toString()).doesNotContain("s3cr3t-token");
    }
}
