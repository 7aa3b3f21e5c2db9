package io.jenkins.plugins.mldelivery.core.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.testing.MlflowServer;
import io.jenkins.plugins.mldelivery.core.testing.SharedMlflowServer;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.ClassRule;
import org.junit.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class MlflowClientTest {
    @ClassRule
    public static MlflowServer mlflow = SharedMlflowServer.instance();

    private static MlflowClient clientOf(final URI uri) {
        return MlflowClient.at(uri).withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
    }

    @Test
    public void shouldCreateAndReadARegisteredModel() {
        MlflowClient client = clientOf(mlflow.uri());

        client.post("registered-models/create", Map.of("name", "transport-create"));
        JsonNode model = client.get("registered-models/get", Map.of("name", "transport-create"));

        assertThat(model.at("/registered_model/name").asText()).isEqualTo("transport-create");
    }

    @Test
    public void shouldCarryTheTrainingsTrackingCalls() {
        MlflowClient client = clientOf(mlflow.uri());

        String runId = client.post("runs/create", Map.of("experiment_id", "0", "run_name", "transport-run"))
                .at("/run/info/run_id").asText();
        client.post("runs/log-batch", Map.of("run_id", runId,
                "metrics", List.of(Map.of("key", "accuracy", "value", 0.91, "timestamp", 1_700_000_000_000L, "step", 0)),
                "params", List.of(Map.of("key", "max_depth", "value", "6"))));
        client.post("runs/set-tag", Map.of("run_id", runId, "key", "jenkins.build", "value", "https://ci/job/x/7/"));
        client.post("runs/update", Map.of("run_id", runId, "status", "FINISHED", "end_time", 1_700_000_001_000L));
        JsonNode run = client.get("runs/get", Map.of("run_id", runId)).path("run");

        assertThat(run.at("/info/status").asText()).isEqualTo("FINISHED");
        assertThat(run.at("/data/metrics/0/value").asDouble()).isEqualTo(0.91);
        assertThat(run.at("/data/params/0/value").asText()).isEqualTo("6");
        assertThat(run.at("/data/tags").findValuesAsText("value")).contains("https://ci/job/x/7/");
    }

    @Test
    public void shouldNameTheEndpointStatusAndMlflowErrorCodeOnAClientError() {
        MlflowClient client = clientOf(mlflow.uri());

        assertThatThrownBy(() -> client.get("registered-models/get", Map.of("name", "no-such-model")))
                .isInstanceOfSatisfying(MlflowApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
                })
                .hasMessage("MLflow " + mlflow.uri() + ": GET registered-models/get answered 404 RESOURCE_DOES_NOT_EXIST: "
                        + "Registered Model with name=no-such-model not found");
    }

    @Test
    public void shouldTellAnExistingResourceFromAFailure() {
        MlflowClient client = clientOf(mlflow.uri());
        client.post("registered-models/create", Map.of("name", "transport-twice"));

        assertThatThrownBy(() -> client.post("registered-models/create", Map.of("name", "transport-twice")))
                .isInstanceOfSatisfying(MlflowApiException.class, e -> assertThat(e.isAlreadyExists()).isTrue());
    }

    @Test
    public void shouldRetryServerErrorsWithBackoffThenSucceed() {
        try (FaultyHttpServer flaky = FaultyHttpServer.failingFirst(mlflow.uri(), 2, 500,
                "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"database is locked\"}")) {
            JsonNode created = clientOf(flaky.uri()).post("registered-models/create", Map.of("name", "transport-retried"));

            assertThat(created.at("/registered_model/name").asText()).isEqualTo("transport-retried");
            assertThat(flaky.requests()).isEqualTo(3);
        }
    }

    @Test
    public void shouldGiveUpAfterTheLastAttemptNamingTheServerError() {
        try (FaultyHttpServer broken = FaultyHttpServer.alwaysAnswering(503, "<html><body>Service Unavailable</body></html>")) {
            MlflowClient client = MlflowClient.at(broken.uri()).withMaxAttempts(3)
                    .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();

            assertThatThrownBy(() -> client.post("model-versions/create", Map.of("name", "m")))
                    .isInstanceOf(ExternalSystemException.class)
                    .hasMessage("MLflow " + broken.uri() + ": POST model-versions/create answered 503: "
                            + "<html><body>Service Unavailable</body></html> (after 3 attempts)");
            assertThat(broken.requests()).isEqualTo(3);
        }
    }

    @Test
    public void shouldNotRetryAForbiddenRequest() {
        try (FaultyHttpServer forbidden = FaultyHttpServer.alwaysAnswering(403,
                "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"Permission denied\"}")) {
            MlflowClient client = clientOf(forbidden.uri());

            assertThatThrownBy(() -> client.post("registered-models/alias", Map.of("name", "m", "alias", "champion", "version", "1")))
                    .hasMessage("MLflow " + forbidden.uri() + ": POST registered-models/alias answered 403 PERMISSION_DENIED: Permission denied");
            assertThat(forbidden.requests()).isEqualTo(1);
        }
    }

    @Test
    public void shouldReportAServerThatIsDownAfterRetrying() {
        URI nobody = URI.create("http://127.0.0.1:" + ServerProcess.freePort());
        MlflowClient client = MlflowClient.at(nobody).withMaxAttempts(2)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();

        assertThatThrownBy(() -> client.get("registered-models/get", Map.of("name", "m")))
                .isInstanceOf(ExternalSystemException.class)
                .isNotInstanceOf(MlflowApiException.class)
                .hasMessage("MLflow " + nobody + " is unreachable: GET registered-models/get: connection refused (after 2 attempts)");
    }

    @Test
    public void shouldSendABearerTokenOrBasicCredentials() {
        try (FaultyHttpServer recorder = FaultyHttpServer.failingFirst(mlflow.uri(), 0, 500, "")) {
            MlflowClient.at(recorder.uri()).withCredentials(MlflowCredentials.bearer("s3cret")).build()
                    .get("registered-models/search", Map.of("max_results", "1"));
            MlflowClient.at(recorder.uri()).withCredentials(MlflowCredentials.basic("ci", "pa:ss")).build()
                    .get("registered-models/search", Map.of("max_results", "1"));

            assertThat(recorder.authorizations()).containsExactly("Bearer s3cret", "Basic Y2k6cGE6c3M=");
        }
    }

    @Test
    public void shouldReadCredentialsFromMlflowsEnvironmentVariablesAndNeverPrintThem() {
        assertThat(MlflowCredentials.fromEnvironment(Map.of("MLFLOW_TRACKING_TOKEN", "t0k")))
                .isEqualTo(MlflowCredentials.bearer("t0k"))
                .hasToString("MlflowCredentials[bearer ****]");
        assertThat(MlflowCredentials.fromEnvironment(Map.of("MLFLOW_TRACKING_USERNAME", "ci", "MLFLOW_TRACKING_PASSWORD", "pw")))
                .isEqualTo(MlflowCredentials.basic("ci", "pw"))
                .hasToString("MlflowCredentials[basic ci:****]");
        assertThat(MlflowCredentials.fromEnvironment(Map.of())).isEqualTo(MlflowCredentials.none());
    }

    @Test
    public void shouldRejectABaseUriThatIsNotHttp() {
        assertThatThrownBy(() -> MlflowClient.at(URI.create("ftp://host/")))
                .hasMessage("MLflow URI 'ftp://host/': expected http://HOST:PORT or https://HOST[:PORT][/PATH]");
    }
}
