package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ml-delivery demo}: the example credit-risk project's pipeline, end to end, as three builds
 * of a team's Jenkins job would run it, through the same commands a user types.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the example credit-risk project's pipeline end to end: three builds (a first model, a weak "
                + "candidate on drifted data, a better candidate rolled out behind a live canary through HAProxy, and a drill in "
                + "which a broken deployment of it is rolled back) and a rollback, each step "
                + "printed as the ml-delivery command it runs. Results, reports and the registry go to --out."},
        footer = {"", "Exit codes: 0 every step ended as the story expects, 1 a step did not, 2 bad usage or input.", "",
                "Example:", "  ml-delivery demo --out target/demo"})
public final class DemoCommand implements Callable<Integer> {
    private static final String EXAMPLE = "examples/credit-risk";
    private static final String VENV_PYTHON = ".venv/bin/python";

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/demo",
            description = "Where the demo writes everything (default: ${DEFAULT-VALUE}); a previous demo there is replaced.")
    private Path out;

    @Option(names = "--example", paramLabel = "DIR",
            description = "The example project (default: " + EXAMPLE + " of this checkout).")
    private Path example;

    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python with the example's requirements (default: " + VENV_PYTHON + " of this checkout,"
                    + " as scripts/python-env creates it).")
    private Path python;

    @Option(names = "--haproxy", paramLabel = "PATH", defaultValue = "/usr/sbin/haproxy",
            description = "HAProxy 2.6 or later, the live canary's router (default: ${DEFAULT-VALUE}, Debian's; scripts/test-services installs it).")
    private Path haproxy;

    @Option(names = "--prometheus", paramLabel = "PATH", defaultValue = "/usr/bin/prometheus",
            description = "Prometheus, which scrapes HAProxy for the live canary (default: ${DEFAULT-VALUE}, Debian's).")
    private Path prometheus;

    @Override
    public Integer call() {
        Path root = checkoutRoot().orElse(null);
        Path project = example != null ? example : resolveIn(root, EXAMPLE, "--example");
        Path interpreter = python != null ? python : resolveIn(root, VENV_PYTHON, "--python");
        if (!Files.isRegularFile(project.resolve("train.py"))) {
            throw new BadInputException(project + ": not the example project (no train.py there)");
        }
        if (!Files.isExecutable(interpreter)) {
            throw new BadInputException(interpreter + ": no Python here; run scripts/python-env or give --python");
        }
        for (Path program : new Path[] {haproxy, prometheus}) {
            if (!Files.isExecutable(program)) {
                throw new BadInputException(program + ": not installed; run scripts/test-services or give --"
                        + (program == haproxy ? "haproxy" : "prometheus"));
            }
        }
        DemoPipeline pipeline = new DemoPipeline(project, interpreter.toAbsolutePath(), haproxy, prometheus, out.toAbsolutePath(),
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return pipeline.run();
    }

    private static Path resolveIn(final Path root, final String relative, final String option) {
        if (root == null) {
            throw new BadInputException("cannot find the ML Delivery checkout from here; give " + option);
        }
        return root.resolve(relative);
    }

    /** The checkout is found from the working directory upwards, else from where the jar lies (cli/target/). */
    private static Optional<Path> checkoutRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(EXAMPLE).resolve("train.py"))) {
                return Optional.of(dir);
            }
        }
        try {
            Path jar = Paths.get(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(EXAMPLE).resolve("train.py"))) {
                    return Optional.of(dir);
                }
            }
        }
        catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source to start from: the working directory was the only clue
        }
        return Optional.empty();
    }
}
