package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.PromoteRequest;
import io.jenkins.plugins.mldelivery.core.registry.PromoteResult;
import io.jenkins.plugins.mldelivery.core.registry.Promotion;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Train results over real model files, and MLflow's own Python client to check what a promotion registered. */
final class MlflowModelFixture {
    private MlflowModelFixture() {
        // static helpers only
    }

    /** Writes a train result listing every file under {@code workspace/model} and returns it. */
    static Path trainResult(final Path workspace) throws IOException {
        List<String> artifacts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workspace.resolve("model"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                artifacts.add("{\"path\": \"%s\", \"bytes\": %d, \"sha256\": \"%s\"}".formatted(
                        workspace.relativize(file).toString().replace('\\', '/'), Files.size(file), FileDigest.of(file).sha256()));
            }
        }
        return Files.writeString(workspace.resolve("train.json"), """
                {"step": "train", "status": "PASSED", "metrics": {"f1": 0.8}, "params": {"C": "1.0"},
                 "lineage": {"data": [], "command": "python train.py", "workDir": "%s"},
                 "artifacts": [%s]}
                """.formatted(workspace, String.join(", ", artifacts)));
    }

    static String python(final Path dir, final String script) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("script-" + System.nanoTime() + ".py"), script);
        Process process = new ProcessBuilder(ExternalTools.python().toString(), file.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("python finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /**
     * Saves a scikit-learn model with {@code mlflow.sklearn.save_model} (plus a data profile beside
     * it, as ml-delivery train stores one), promotes the train result to {@code champion}, then
     * loads {@code models:/NAME@champion} with MLflow's own client and checks its predictions.
     */
    static void assertMlflowLoadsThePromotedChampion(final Path workspace, final URI server, final ModelRegistry registry,
            final String name) throws Exception {
        String expected = python(workspace, """
                import numpy as np, mlflow.sklearn
                from sklearn.linear_model import LogisticRegression
                rng = np.random.default_rng(7)
                x = rng.normal(size=(200, 3))
                y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(int)
                model = LogisticRegression().fit(x, y)
                mlflow.sklearn.save_model(model, "model/mlflow", pip_requirements=["scikit-learn"])
                np.save("x.npy", x[:20])
                print(" ".join(str(v) for v in model.predict(x[:20])))
                """);
        Files.createDirectories(workspace.resolve("model/profiles"));
        Files.writeString(workspace.resolve("model/profiles/train.csv.profile.json"), "{\"rows\": 200, \"columns\": []}");

        PromoteResult result = new Promotion(registry, Clock.systemUTC()).promote(PromoteRequest.of(name, "champion")
                .fromTrainResult(trainResult(workspace)).by(ChangeNote.by("jenkins")).build());

        assertThat(result.source()).endsWith("/model/mlflow");
        String loaded = python(workspace, """
                import numpy as np, mlflow, mlflow.pyfunc
                mlflow.set_tracking_uri("%s")
                model = mlflow.pyfunc.load_model("models:/%s@champion")
                print(" ".join(str(v) for v in model.predict(np.load("x.npy"))))
                """.formatted(server, name));
        assertThat(lastLine(loaded)).isEqualTo(lastLine(expected));
    }

    static String lastLine(final String output) {
        String[] lines = output.split("\n");
        return lines[lines.length - 1].strip();
    }
}
