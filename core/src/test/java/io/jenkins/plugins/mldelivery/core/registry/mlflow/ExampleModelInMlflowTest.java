package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.PromoteRequest;
import io.jenkins.plugins.mldelivery.core.registry.PromoteResult;
import io.jenkins.plugins.mldelivery.core.registry.Promotion;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import io.jenkins.plugins.mldelivery.core.testing.MlflowServer;
import io.jenkins.plugins.mldelivery.core.testing.SharedMlflowServer;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example project's model (examples/credit-risk), trained by its own train.py and promoted into
 * MLflow, is loaded by alias with MLflow's own client and scores as the example's predict.py does.
 */
public class ExampleModelInMlflowTest {
    @ClassRule
    public static MlflowServer mlflow = SharedMlflowServer.instance();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldLoadTheExamplesChampionByAliasWithMlflowsOwnClientAndScoreAsPredictPyDoes() throws Exception {
        Path workspace = temp.newFolder("credit-risk").toPath();
        Path example = ExternalTools.repositoryRoot().resolve("examples/credit-risk");
        try (Stream<Path> files = Files.list(example)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".py") || f.endsWith("params.yaml")).toList()) {
                Files.copy(file, workspace.resolve(file.getFileName()));
            }
        }
        MlflowModelFixture.python(workspace, """
                import subprocess, sys
                subprocess.run([sys.executable, "generate_data.py", "--out", "data"], check=True, stdout=subprocess.DEVNULL)
                subprocess.run([sys.executable, "train.py", "--params", "params.yaml"], check=True)
                subprocess.run([sys.executable, "predict.py", "--model", "model", "--data", "data/holdout.csv",
                                "--out", "predictions.csv", "--batch"], check=True)
                """);
        assertThat(workspace.resolve("model/MLmodel")).exists();

        PromoteResult result = new Promotion(new MlflowModelRegistry(MlflowClient.at(mlflow.uri())
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build()), Clock.systemUTC())
                .promote(PromoteRequest.of("credit-risk-example", "champion").fromTrainResult(MlflowModelFixture.trainResult(workspace))
                        .by(ChangeNote.by("jenkins")).build());
        assertThat(result.source()).endsWith("/artifacts/model/model");

        String compared = MlflowModelFixture.python(workspace, """
                import csv, mlflow, mlflow.pyfunc, numpy as np
                import credit_features as cf
                mlflow.set_tracking_uri("%s")
                champion = mlflow.pyfunc.load_model("models:/credit-risk-example@champion")
                metadata = champion.metadata.metadata
                columns = cf.read_table("data/holdout.csv", cf.NUMERIC + cf.CATEGORICAL)
                x = cf.matrix("data/holdout.csv", columns, metadata["categories"])
                probability = np.asarray(champion.predict(x))[:, 1]
                with open("predictions.csv", newline="") as handle:
                    expected = np.array([float(row["probability"]) for row in csv.DictReader(handle)])
                print(len(probability), float(np.max(np.abs(probability - expected))))
                """.formatted(mlflow.uri()));
        String[] last = MlflowModelFixture.lastLine(compared).split(" ");
        assertThat(Integer.parseInt(last[0])).isEqualTo(6000);
        // the same estimator on the same rows in the same library: equal up to float rounding
        assertThat(Double.parseDouble(last[1])).isLessThan(1e-12);
    }
}
