package io.jenkins.plugins.mldelivery.cli;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees for bad usage and bad input, whatever the command: one line with the reason (and,
 * for a usage mistake, one line pointing at {@code --help}), exit 2, never the usage text, a Java class
 * name, a parser feature or {@code unexpected error}.
 */
public class BadInputMessagesTest {
    private static final List<String> INTERNALS = List.of("Cannot construct instance", "JsonReadFeature", "Source: REDACTED",
            "io.jenkins.plugins", "java.lang", "java.util", "JsonToken", "unexpected error", "Usage:");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldPrintTheReasonAndWhereToFindHelpInsteadOfTheUsageText() {
        for (String[] args : List.of(new String[] {"validate"}, new String[] {"validate", "--bogus"},
                new String[] {"train", "--command", "true"}, new String[] {"gate", "--metrics"},
                new String[] {"registry", "list"}, new String[] {"canary", "--plan", "p.yaml", "--steps", "x"},
                new String[] {"report", "--run", "r", "--out", "o.html", "--trend-builds", "0"},
                new String[] {"profile", "--data"}, new String[] {"promote", "--registry", "file:r"},
                new String[] {"demo", "--bogus"}, new String[] {"registry", "history", "--registry", "file:r", "--nope"})) {
            CommandLineTester.Run run = CommandLineTester.run(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(2);
            assertThat(run.err()).as(String.join(" ", args)).contains("--help").doesNotContain("Usage:");
        }
    }

    @Test
    public void shouldNameTheFieldAndNotJacksonWhenAProfileIsMalformed() throws IOException {
        Path data = write("data.csv", "a,b\n1,2\n");
        Path profile = write("ref.profile.json", "{\"columns\": 5}");

        CommandLineTester.Run run = CommandLineTester.run("validate", "--data", data.toString(), "--reference", profile.toString());

        assertOneCleanLine(run);
        assertThat(run.err()).contains("ref.profile.json", "columns", "expected a list, found a number");
    }

    @Test
    public void shouldSayNaNIsNotANumberWithoutNamingAParserFeature() throws IOException {
        Path run = folder.newFolder("run").toPath();
        Files.writeString(run.resolve("train.json"), "{\"step\": \"train\", \"status\": \"PASSED\", \"metrics\": {\"auc\": NaN}}");

        CommandLineTester.Run report = CommandLineTester.run("report", "--run", run.toString(), "--out", folder.getRoot() + "/r.html");

        assertOneCleanLine(report);
        assertThat(report.err()).contains("train.json", "'NaN' is not a JSON number");
    }

    @Test
    public void shouldRefuseANegativeTailLinesWithOneLine() {
        CommandLineTester.Run run = CommandLineTester.run("train", "--command", "true", "--metrics", "m.json", "--tail-lines", "-1");

        assertOneCleanLine(run);
        assertThat(run.err()).contains("--tail-lines -1");
        assertThat(run.out()).doesNotContain("running");
    }

    @Test
    public void shouldSayAWorkdirThatIsAFileIsNotADirectoryBeforeRunningAnything() throws IOException {
        Path file = write("train.py", "print('hi')\n");

        CommandLineTester.Run run = CommandLineTester.run("train", "--command", "true", "--metrics", "m.json",
                "--workdir", file.toString());

        assertOneCleanLine(run);
        assertThat(run.err()).contains("train.py", "is a file, not a directory");
        assertThat(run.out()).doesNotContain("running");
    }

    @Test
    public void shouldRefuseATrainResultWhoseArtifactPathLeavesItsDirectory() throws IOException {
        Path model = write("model.bin", "weights");
        Path train = write("train.json", "{\"step\": \"train\", \"status\": \"PASSED\", \"metrics\": {\"auc\": 0.9},"
                + " \"artifactsDirectory\": \"" + folder.getRoot() + "\","
                + " \"artifacts\": [{\"path\": \"../" + model.getParent().getFileName() + "/model.bin\", \"bytes\": 7, \"sha256\": \"00\"}]}");

        CommandLineTester.Run run = CommandLineTester.run("promote", "--registry", "file:" + folder.getRoot() + "/registry",
                "--model", "m", "--from", train.toString(), "--alias", "champion");

        assertOneCleanLine(run);
        assertThat(run.err()).contains("train.json", "artifacts[0]", "path '../", "stay inside");
    }

    @Test(timeout = 60_000)
    public void shouldBoundTheWaitForAFrozenMlflowServerAndSayWhatItIsWaitingFor() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!frozen.isClosed()) {
                        held.add(frozen.accept()); // accepts, never answers: a stopped server behind its listening socket
                    }
                }
                catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            System.setProperty("MLFLOW_HTTP_REQUEST_TIMEOUT", "1");
            try {
                CommandLineTester.Run run = CommandLineTester.run("registry", "list", "--registry",
                        "mlflow:http://127.0.0.1:" + frozen.getLocalPort());

                assertThat(run.exitCode()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
                assertThat(run.err()).contains("waiting for the MLflow server at http://127.0.0.1:" + frozen.getLocalPort(),
                        "MLFLOW_HTTP_REQUEST_TIMEOUT", "timed out");
            }
            finally {
                System.clearProperty("MLFLOW_HTTP_REQUEST_TIMEOUT");
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static void assertOneCleanLine(final CommandLineTester.Run run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        for (String internal : INTERNALS) {
            assertThat(run.err()).doesNotContain(internal);
        }
    }

    private Path write(final String name, final String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
