package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowCredentials;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.training.CsvDataProfiler;
import io.jenkins.plugins.mldelivery.core.training.MlflowTracking;
import io.jenkins.plugins.mldelivery.core.training.ParamOverride;
import io.jenkins.plugins.mldelivery.core.training.SweepPlan;
import io.jenkins.plugins.mldelivery.core.training.TrackingContext;
import io.jenkins.plugins.mldelivery.core.training.TrainResult;
import io.jenkins.plugins.mldelivery.core.training.Trainer;
import io.jenkins.plugins.mldelivery.core.training.TrainingCommand;
import io.jenkins.plugins.mldelivery.core.training.TrainingRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code train} command: runs the team's training command and records its params, metrics,
 * lineage and model, optionally as a sweep or twice to check reproducibility.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the team's training command and captures what is needed to trust and reproduce its model: "
                + "params (with overrides), metrics, lineage (data and params hashes, git commit, tool versions) and "
                + "the model files, copied into an artifacts directory all at once or not at all.",
                "Relative --params, --metrics, --model and --data paths are relative to --workdir.", ""},
        footer = {"", "Exit codes: 0 trained (or warned), 1 the training failed (non-zero exit, timeout, bad metrics,",
                "no model, metrics that differ between two runs), 2 bad usage or input, 3 trained but MLflow failed.",
                "", "Examples:",
                "  ml-delivery train --workdir examples/credit-risk --command 'python train.py' --params params.yaml \\",
                "      --metrics metrics.json --model 'model/**' --data data/train.csv --artifacts target/model --json train.json",
                "  ml-delivery train --metrics metrics.json --timeout 30m -- python train.py --epochs 3",
                "  ml-delivery train ... --param model.max_depth=1 --param model.max_iter=20",
                "  ml-delivery train ... --sweep sweep.yaml --parallel 2",
                "  ml-delivery train ... --check-reproducible --reproducibility-ignore latency_p95_ms",
                "  ml-delivery train ... --mlflow-tracking http://127.0.0.1:5000 --mlflow-experiment credit-risk"})
public final class TrainCommand extends StepCommand<TrainResult> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @ArgGroup(exclusive = true, multiplicity = "1")
    private CommandChoice choice;

    static final class CommandChoice {
        @Option(names = "--command", paramLabel = "LINE", required = true,
                description = "The training command as one shell line (run by /bin/sh -c), e.g. 'python train.py'.")
        private String line;

        @Parameters(paramLabel = "ARG", arity = "1..*",
                description = "Or, after --, the training command as an argument list run without a shell.")
        private List<String> arguments;
    }

    @Option(names = "--workdir", paramLabel = "DIR", description = "Run the command here (default: the current directory).")
    private Path workDir = Path.of("");

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Add a variable to the command's environment (repeatable).")
    private Map<String, String> environment = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Kill the command and all its child processes after this long: 90s, 30m, 2h (default: no limit).")
    private String timeout;

    @Option(names = "--params", paramLabel = "FILE", description = "The params file the command reads (YAML, JSON or TOML).")
    private Path params;

    @Option(names = {"--param", "-S", "--set-param"}, paramLabel = "KEY=VALUE",
            description = "Override a parameter (repeatable): model.max_depth=4 changes one the file has, +key=v adds one, "
                    + "++key=v sets either way. The params file is rewritten for the run, as dvc exp run -S does, "
                    + "and restored afterwards.")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--metrics", paramLabel = "FILE", required = true,
            description = "A metrics file the command writes (repeatable): JSON/YAML (nested keys joined with dots) or CSV/TSV (one row per epoch).")
    private List<Path> metrics = new ArrayList<>();

    @Option(names = "--model", paramLabel = "GLOB", description = "Ant-style pattern of the model files, e.g. 'model/**' (repeatable).")
    private List<String> models = new ArrayList<>();

    @Option(names = "--data", paramLabel = "FILE", description = "A training data file to hash for lineage (repeatable).")
    private List<Path> data = new ArrayList<>();

    @Option(names = "--artifacts", paramLabel = "DIR",
            description = "Copy the model files here (replaced as a whole, only when training succeeds).")
    private Path artifacts;

    @Option(names = "--no-profile",
            description = "Do not write a profile of each CSV/TSV --data file into the artifacts directory (profiles/NAME.profile.json).")
    private boolean noProfile;

    @Option(names = "--tool-version", paramLabel = "LINE",
            description = "A shell line whose output identifies a tool, recorded in the lineage (repeatable), e.g. 'python --version', 'pip freeze'.")
    private List<String> toolVersions = new ArrayList<>();

    @Option(names = "--tail-lines", paramLabel = "N", description = "How many last output lines the result keeps (default: ${DEFAULT-VALUE}).")
    private int tailLines = 20;

    @Option(names = "--sweep", paramLabel = "FILE",
            description = "Run once per combination of the grid in this YAML file and keep the best trial (see docs/train.md).")
    private Path sweep;

    @Option(names = "--sweep-metric", paramLabel = "NAME", description = "The metric that picks the best trial (overrides the sweep file's).")
    private String sweepMetric;

    @Option(names = "--sweep-direction", paramLabel = "max|min", description = "Whether higher or lower is better (overrides the sweep file's).")
    private String sweepDirection;

    @Option(names = "--parallel", paramLabel = "N", description = "Trials to run at a time (overrides the sweep file's; default 1).")
    private Integer parallel;

    @Option(names = "--check-reproducible", description = "Train twice and compare the metrics and the model files' bytes.")
    private boolean checkReproducible;

    @Option(names = "--reproducibility-tolerance", paramLabel = "X",
            description = "The largest absolute difference of a metric that still agrees (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--reproducibility-ignore", paramLabel = "NAME",
            description = "A metric not to compare, such as a timing (repeatable).")
    private List<String> ignoredMetrics = new ArrayList<>();

    @Option(names = "--mlflow-tracking", paramLabel = "URL",
            description = "Log the run to this MLflow tracking server, e.g. http://127.0.0.1:5000 (credentials from "
                    + "MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD).")
    private URI mlflowTracking;

    @Option(names = "--mlflow-experiment", paramLabel = "NAME", description = "The MLflow experiment (created if missing; default: ${DEFAULT-VALUE}).")
    private String mlflowExperiment = "Default";

    @Option(names = "--mlflow-run-name", paramLabel = "NAME",
            description = "The MLflow run's name (default: \"JOB_NAME #BUILD_NUMBER\" inside Jenkins, else MLflow's).")
    private String mlflowRunName;

    @Option(names = "--mlflow-tag", paramLabel = "KEY=VALUE", description = "A further tag for the MLflow run (repeatable).")
    private Map<String, String> mlflowTags = new LinkedHashMap<>();

    @Option(names = "--build-url", paramLabel = "URL", description = "The CI build's page, tagged on the MLflow run (default: $BUILD_URL).")
    private String buildUrl = System.getenv("BUILD_URL");

    @Override
    protected TrainResult execute() {
        if (sweep != null && checkReproducible) {
            throw new BadInputException("--sweep and --check-reproducible cannot be combined; check the chosen parameters afterwards");
        }
        if (sweep == null && (sweepMetric != null || sweepDirection != null || parallel != null)) {
            throw new BadInputException("--sweep-metric, --sweep-direction and --parallel need --sweep FILE");
        }
        if (tailLines < 0) {
            throw new BadInputException("--tail-lines " + tailLines + ": expected 0 or more lines to keep");
        }
        if (Files.exists(workDir) && !Files.isDirectory(workDir)) {
            throw new BadInputException("--workdir " + workDir + ": is a file, not a directory (give the directory the command runs in)");
        }
        TrainingRequest request = request();
        PrintWriter out = out();
        // said only once the training is under way (its first line of output, or its summary), so that
        // a refusal of bad input before anything ran is the one line the user sees
        String running = "train: running " + request.command().display() + " in " + request.workDir().toAbsolutePath().normalize();
        boolean[] said = new boolean[1];
        Trainer trainer = new Trainer(line -> {
            synchronized (out) {
                if (!said[0]) {
                    out.println(running);
                    said[0] = true;
                }
                out.println(line);
                out.flush();
            }
        }, Clock.systemUTC());
        if (!noProfile) {
            trainer = trainer.profilingDataWith(new CsvDataProfiler());
        }
        MlflowTracking tracking = tracking();
        TrainResult result;
        if (sweep != null) {
            SweepPlan.Direction direction = sweepDirection == null ? null : SweepPlan.Direction.parse(sweepDirection, "--sweep-direction");
            result = trainer.sweep(request, SweepPlan.read(sweep, sweepMetric, direction, parallel));
        }
        else if (checkReproducible) {
            result = trainer.checkReproducibility(request, tolerance, ignoredMetrics);
        }
        else {
            result = trainer.train(request);
        }
        synchronized (out) {
            if (!said[0]) {
                out.println(running);
                said[0] = true;
            }
        }
        return tracking == null ? result : tracking.log(result, new TrackingContext(runName(), buildUrl, null, mlflowTags));
    }

    /** A run that trained but could not be logged exits 3 (an external system failed), after its JSON is written. */
    @Override
    protected int exitCode(final TrainResult result) {
        if (result.status() != Status.FAILED && result.mlflow() != null && !result.mlflow().logged()) {
            return ExitCode.EXTERNAL_FAILURE;
        }
        return super.exitCode(result);
    }

    private MlflowTracking tracking() {
        if (mlflowTracking == null) {
            return null;
        }
        String scheme = String.valueOf(mlflowTracking.getScheme());
        if (!scheme.equals("http") && !scheme.equals("https") || mlflowTracking.getHost() == null) {
            throw new BadInputException("--mlflow-tracking '" + mlflowTracking + "': expected an http(s) URL such as http://127.0.0.1:5000");
        }
        return new MlflowTracking(MlflowClient.at(mlflowTracking).withCredentials(MlflowCredentials.fromEnvironment(System.getenv()))
                .build(), mlflowExperiment);
    }

    private String runName() {
        if (mlflowRunName != null) {
            return mlflowRunName;
        }
        String job = System.getenv("JOB_NAME");
        String build = System.getenv("BUILD_NUMBER");
        return job != null && build != null ? job + " #" + build : null;
    }

    private TrainingRequest request() {
        TrainingCommand command = choice.line != null ? TrainingCommand.ofShellLine(choice.line)
                : TrainingCommand.ofArguments(choice.arguments);
        TrainingRequest.Builder builder = TrainingRequest.command(command)
                .inDirectory(workDir)
                .readingParams(params)
                .publishingTo(artifacts)
                .keepingLastLines(tailLines);
        if (timeout != null) {
            builder.timingOutAfter(duration(timeout));
        }
        environment.forEach(builder::withEnvironment);
        overrides.stream().map(ParamOverride::parse).forEach(builder::overriding);
        metrics.forEach(builder::readingMetrics);
        models.forEach(builder::collectingModel);
        data.forEach(builder::trainingOn);
        toolVersions.forEach(builder::recordingToolVersion);
        return builder.build();
    }

    /** Reads 90s, 30m, 2h, 500ms or a bare number of seconds; ISO-8601 (PT30M) works too. */
    static Duration duration(final String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(value);
        Duration duration = null;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        else {
            try {
                duration = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            }
            catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new BadInputException("--timeout '" + text + "': expected a positive duration such as 90s, 30m or 2h");
        }
        return duration;
    }
}
