package io.jenkins.plugins.mldelivery.core.training;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A training in its own JVM, as {@code ml-delivery train} runs one on a build agent: started by the
 * interruption tests with {@code java -cp <test classpath>} so that they can send it SIGTERM or
 * SIGKILL while its command runs.
 * <pre>
 * TrainerProcess WORKDIR COMMAND [KEY=VALUE ...]   trains with params.yaml, metrics.json, model/**
 * </pre>
 */
public final class TrainerProcess {
    private TrainerProcess() {
        // a main class
    }

    /**
     * Trains once.
     *
     * @param args the working directory, the command (run by the shell) and the overrides
     */
    public static void main(final String[] args) {
        TrainingRequest.Builder request = TrainingRequest.command(TrainingCommand.ofShellLine(args[1]))
                .inDirectory(Path.of(args[0]))
                .readingParams(Path.of("params.yaml"))
                .readingMetrics(Path.of("metrics.json"))
                .collectingModel("model/**");
        for (int i = 2; i < args.length; i++) {
            request.overriding(ParamOverride.parse(args[i]));
        }
        TrainResult result = new Trainer(System.out::println, Clock.systemUTC()).train(request.build());
        System.out.println("status " + result.status());
    }

    /**
     * Returns the command line that runs this class in a fresh, small JVM with the test's class path.
     *
     * @param args the arguments
     * @return the command
     */
    static List<String> command(final String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), TrainerProcess.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
