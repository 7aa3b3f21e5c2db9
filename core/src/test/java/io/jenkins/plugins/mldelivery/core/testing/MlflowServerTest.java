package io.jenkins.plugins.mldelivery.core.testing;

import org.junit.ClassRule;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

public class MlflowServerTest {
    @ClassRule
    public static MlflowServer mlflow = SharedMlflowServer.instance();

    @Test
    public void shouldServeTheRegistryApiOnLoopback() throws Exception {
        URI create = mlflow.uri().resolve("/api/2.0/mlflow/registered-models/create");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(create)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"fixture-check\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(mlflow.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(response.statusCode()).as(mlflow.logTail()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\": \"fixture-check\"");
    }
}
