package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.PromoteRequest;
import io.jenkins.plugins.mldelivery.core.registry.PromoteResult;
import io.jenkins.plugins.mldelivery.core.registry.Promotion;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.testing.MlflowServer;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Promotion into MLflow as most teams run it, {@code mlflow server --default-artifact-root /dir}:
 * the runs' artifact URIs are plain paths that MLflow's own client writes directly; and models that
 * MLflow's own loaders can load by alias.
 */
public class MlflowLocalArtifactRootTest {
    @ClassRule
    public static MlflowServer mlflow = MlflowServer.withLocalArtifactRoot();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static final ChangeNote CI = ChangeNote.by("jenkins").fromBuild("https://ci/job/credit/7/");

    private static ModelRegistry registry() {
        return new MlflowModelRegistry(MlflowClient.at(mlflow.uri()).withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build());
    }

    private static PromoteResult promote(final String model, final Path train) {
        return new Promotion(registry(), Clock.systemUTC()).promote(PromoteRequest.of(model, "champion").fromTrainResult(train)
                .by(CI).withIdempotencyKey(CI.build()).build());
    }

    @Test
    public void shouldWriteTheModelFilesIntoTheLocalArtifactRootAsMlflowsOwnClientDoes() throws IOException {
        Path workspace = temp.newFolder("workspace").toPath();
        Files.createDirectories(workspace.resolve("model"));
        Files.writeString(workspace.resolve("model/model.joblib"), "weights");

        PromoteResult result = promote("local-root", MlflowModelFixture.trainResult(workspace));

        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(result.source()).startsWith(mlflow.artifactRoot().toString()).endsWith("/artifacts/model/model/model.joblib");
        assertThat(Path.of(result.source())).hasContent("weights");
        assertThat(registry().resolveAlias("local-root", "champion").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    public void shouldLeaveNoModelInTheRegistryWhenThePromotionFails() throws IOException {
        Path workspace = temp.newFolder("changed").toPath();
        Files.createDirectories(workspace.resolve("model"));
        Files.writeString(workspace.resolve("model/model.joblib"), "weights");
        Path train = MlflowModelFixture.trainResult(workspace);
        Files.writeString(workspace.resolve("model/model.joblib"), "retrained weights");

        assertThatThrownBy(() -> promote("never-registered", train)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("(the file changed after training)");
        assertThat(registry().findModel("never-registered")).isEmpty();
    }

    @Test
    public void shouldSaySoAndLeaveNothingWhenTheServerDoesNotSeeTheFilesWrittenIntoItsArtifactRoot() throws Exception {
        Path workspace = temp.newFolder("unshared").toPath();
        Files.createDirectories(workspace.resolve("model"));
        Files.writeString(workspace.resolve("model/model.joblib"), "unshared weights");
        Path train = MlflowModelFixture.trainResult(workspace);
        // A server on another machine lists its own disk, where the files written here never arrive.
        try (ElsewhereServer elsewhere = new ElsewhereServer(mlflow.uri())) {
            ModelRegistry registry = new MlflowModelRegistry(MlflowClient.at(elsewhere.uri())
                    .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build());

            assertThatThrownBy(() -> new Promotion(registry, Clock.systemUTC()).promote(PromoteRequest.of("unshared", "champion")
                    .fromTrainResult(train).by(CI).build()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("MLflow keeps the artifacts of run ")
                    .hasMessageContaining("of experiment 'ml-delivery-models' in the local directory " + mlflow.artifactRoot())
                    .hasMessageContaining("but the server does not see them (model/model.joblib): this machine does not share that"
                            + " directory with the server");
            assertThat(registry().findModel("unshared")).isEmpty();
            try (Stream<Path> files = Files.walk(mlflow.artifactRoot())) {
                assertThat(files.filter(Files::isRegularFile).map(MlflowLocalArtifactRootTest::content))
                        .as("the files written for a server that cannot see them are removed").doesNotContain("unshared weights");
            }
        }
    }

    private static String content(final Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            return "";
        }
    }

    /** Forwards to the real server, but lists artifacts as a server that cannot see this machine's files would: none. */
    private static final class ElsewhereServer implements AutoCloseable {
        private final HttpServer server;
        private final URI target;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        ElsewhereServer(final URI target) throws IOException {
            this.target = target;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(final HttpExchange exchange) throws IOException {
            byte[] answer;
            int status;
            if (exchange.getRequestURI().getPath().endsWith("/artifacts/list")) {
                status = 200;
                answer = "{}".getBytes(StandardCharsets.UTF_8);
            }
            else {
                HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                if (type != null) {
                    request.header("Content-Type", type);
                }
                try {
                    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    status = response.statusCode();
                    answer = response.body();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    public void shouldRegisterAnMlflowModelSoThatMlflowLoadsTheChampionByAlias() throws Exception {
        MlflowModelFixture.assertMlflowLoadsThePromotedChampion(temp.newFolder("mlflow-model").toPath(), mlflow.uri(), registry(), "loadable");
    }
}
