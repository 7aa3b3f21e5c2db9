package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's story: three builds of the credit-risk team's pipeline and an on-call rollback, each
 * step run through the same {@code ml-delivery} command line a user types, printed before it runs
 * and checked against the exit code the story expects.
 */
final class DemoPipeline {
    private static final String MODEL = "credit-risk";
    private static final String MARKER = ".ml-delivery-demo";
    /** What the example's .gitignore keeps out of a checkout; the demo's workspace starts without it too. */
    private static final Set<String> GENERATED = Set.of("data", "model", "eval", "metrics.json", "history.csv",
            "__pycache__", ".venv");
    private static final List<String> GATE_RULES = List.of(
            "accuracy >= 0.85",
            "max_gap(accuracy, by=gender) <= 0.05",
            "f1 >= champion.f1 - 0.01",
            "roc_auc >= champion.roc_auc - 0.01 with 95% confidence",
            "logloss <= champion.logloss * 1.02");
    private static final List<String> GATE_WARN_RULES = List.of("latency_p95_ms <= 40");

    private final Path example;
    private final Path python;
    private final Path haproxy;
    private final Path prometheus;
    private final Path out;
    private final Path workspace;
    private final String registry;
    private final Path history;
    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private final List<String> mismatches = new ArrayList<>();

    DemoPipeline(final Path example, final Path python, final Path haproxy, final Path prometheus, final Path out,
            final PrintWriter stdout, final PrintWriter stderr) {
        this.example = example;
        this.python = python;
        this.haproxy = haproxy;
        this.prometheus = prometheus;
        this.out = out;
        this.workspace = out.resolve("workspace");
        this.registry = "file:" + out.resolve("registry");
        this.history = out.resolve("history");
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run() {
        prepareWorkspace();
        firstModel();
        weakCandidate();
        betterCandidate();
        rollback();
        return conclude();
    }

    private void prepareWorkspace() {
        heading("Set-up: the team's repository, with its data generated (a real team would pull it)");
        if (Files.exists(out)) {
            if (!Files.exists(out.resolve(MARKER)) && !isEmptyDirectory(out)) {
                throw new BadInputException(out + ": exists and was not written by the demo; choose another --out");
            }
            deleteRecursively(out);
        }
        copyExample();
        write(out.resolve(MARKER), "Written by ml-delivery demo; the next demo run replaces this directory.\n");
        // The Jenkinsfile keeps its virtual environment in the workspace (.venv); so does the demo.
        link(workspace.resolve(".venv"), python.getParent().getParent());
        process(List.of(".venv/bin/python", "generate_data.py", "--out", "data", "--parquet"));
        // A registry is read only where one exists (a mistyped path must not read as "no champion yet"):
        // the team creates its empty registry once, before the first build gates against it.
        createDirectories(out.resolve("registry"));
        step(0, "profile", "--data", "data/train.csv", "--out", path(build(0).resolve("train.profile.json")));
    }

    private void firstModel() {
        heading("Build 1: the first model (logistic regression); nothing is in production yet");
        Path run = build(1);
        validate(run, "data/holdout.csv", "data/train.csv", 0);
        train(run, 1, List.of("--param", "model.type=logistic_regression"), 0);
        gate(run, 1, 0);
        promote(run, "first model of the credit-risk service", 0);
        report(run, 1);
    }

    private void weakCandidate() {
        heading("Build 2: a weak candidate (depth-1 trees, 20 iterations), and a batch of data that has drifted");
        Path run = build(2);
        validate(run, "data/batch.csv", referenceProfile(1), 1);
        // the same batch as a team that keeps its data in Parquet has it: the same verdict (beside the runs: a run
        // directory holds one result per step)
        step(1, "validate", "--data", "data/batch.parquet", "--reference", referenceProfile(1), "--schema", "schema.json",
                "--drift-policy", "drift-policy.yaml", "--json", path(out.resolve("batch-parquet.validate.json")));
        train(run, 2, List.of("--param", "model.max_depth=1", "--param", "model.max_iter=20"), 0);
        gate(run, 2, 1);
        promote(run, "weak candidate", 1);
        report(run, 2);
    }

    private void betterCandidate() {
        heading("Build 3: gradient boosting (params.yaml as committed), rolled out behind a live canary");
        Path run = build(3);
        validate(run, "data/holdout.csv", referenceProfile(1), 0);
        train(run, 3, List.of(), 0);
        gate(run, 3, 0);
        promote(run, "gradient boosting beats the logistic baseline", 0);
        try (DemoLiveServices live = new DemoLiveServices(out.resolve("live"), workspace, python)) {
            new DemoLiveCanary(live, registry, MODEL, haproxy, prometheus, stdout).startServices();
            liveCanary(run, live);
            liveDrill(live);
        }
        report(run, 3);
    }

    /** The rollout of the version just promoted, on live requests through HAProxy: 5, 25, 50, 100%. */
    private void liveCanary(final Path run, final DemoLiveServices live) {
        Path plan = DemoLiveCanary.writePlan(run.resolve("canary-live.yaml"), live, "credit-risk",
                "registry: file:../registry", "stable: {alias: champion, previous: true}", "canary: {alias: champion}");
        Process load = live.startLoad("credit-risk", DemoLiveCanary.LOAD_REQUESTS, DemoLiveCanary.LOAD_SECONDS, DemoLiveCanary.LOAD_RATE);
        step(0, "canary", "--plan", path(plan), "--state", path(run.resolve("canary.state.json")),
                "--owner", "demo build 3", "--json", path(run.resolve("canary.json")));
        live.stopLoad("credit-risk", load).forEach(line -> stdout.println("  " + line));
    }

    /** The same candidate deployed broken: rolled back at its first step, and the cost of it measured. */
    private void liveDrill(final DemoLiveServices live) {
        heading("A drill: the candidate deployed broken (8% of its answers fail), rolled back at its first step");
        Path drill = out.resolve("drill");
        Path plan = DemoLiveCanary.writePlan(drill.resolve("canary-live.yaml"), live, "drill", null,
                "stable: {version: '2'}", "canary: {version: 2-broken}");
        Process load = live.startLoad("drill", DemoLiveCanary.LOAD_REQUESTS, DemoLiveCanary.LOAD_SECONDS, DemoLiveCanary.LOAD_RATE);
        step(1, "canary", "--plan", path(plan), "--state", path(drill.resolve("canary.state.json")),
                "--owner", "demo drill", "--json", path(drill.resolve("canary.json")));
        long answered = live.responses("drill", "canary");
        live.stopLoad("drill", load).forEach(line -> stdout.println("  " + line));
        long later = live.responses("drill", "canary");
        DemoLiveCanary.printCost(stdout, drill.resolve("canary.json"), answered, later);
    }

    private void rollback() {
        heading("An incident: the on-call engineer rolls the champion back, and the audit trail shows every move");
        step(0, "registry", "rollback", "--registry", registry, "--model", MODEL, "--alias", "champion",
                "--who", "on-call", "--reason", "incident drill", "--json", path(out.resolve("rollback.json")));
        step(0, "registry", "history", "--registry", registry, "--model", MODEL, "--alias", "champion");
    }

    private void validate(final Path run, final String data, final String reference, final int expected) {
        step(expected, "validate", "--data", data, "--reference", reference, "--schema", "schema.json", "--drift-policy", "drift-policy.yaml",
                "--json", path(run.resolve("validate.json")));
    }

    private void train(final Path run, final int build, final List<String> overrides, final int expected) {
        List<String> args = new ArrayList<>(List.of("train", "--command", ".venv/bin/python train.py",
                "--params", "params.yaml", "--metrics", "metrics.json",
                "--model", "model/**", "--data", "data/train.csv",
                "--tool-version", ".venv/bin/python --version"));
        args.addAll(overrides);
        args.addAll(List.of("--artifacts", path(artifacts(build)), "--json", path(run.resolve("train.json"))));
        step(expected, args.toArray(String[]::new));
    }

    private void gate(final Path run, final int build, final int expected) {
        List<String> args = new ArrayList<>(List.of("gate", "--metrics", path(run.resolve("train.json"))));
        GATE_RULES.forEach(rule -> args.addAll(List.of("--rule", rule)));
        GATE_WARN_RULES.forEach(rule -> args.addAll(List.of("--warn-rule", rule)));
        args.addAll(List.of("--registry", registry, "--model", MODEL,
                "--score-command", ".venv/bin/python predict.py --batch --model {model} --data {data} --out {out}",
                "--eval-data", "data/holdout.csv",
                "--challenger-model", path(artifacts(build).resolve("model")),
                "--json", path(run.resolve("gate.json"))));
        step(expected, args.toArray(String[]::new));
    }

    private void promote(final Path run, final String reason, final int expected) {
        step(expected, "promote", "--registry", registry, "--model", MODEL, "--from", path(run.resolve("train.json")),
                "--alias", "champion", "--gate", path(run.resolve("gate.json")), "--reason", reason,
                "--who", "demo", "--build", "demo " + run.getFileName(), "--card", path(run.resolve("model-card.md")),
                "--json", path(run.resolve("promote.json")));
    }

    private void report(final Path run, final int build) {
        step(0, "report", "--run", path(run), "--history", path(history), "--build", String.valueOf(build),
                "--out", path(run.resolve("report.html")), "--markdown", path(run.resolve("summary.md")));
    }

    /** The profile of the training data that build 1 archived beside its model: the reference of later builds. */
    private String referenceProfile(final int build) {
        return path(artifacts(build).resolve("profiles/train.csv.profile.json"));
    }

    private Path build(final int number) {
        return out.resolve(number == 0 ? "reference" : "build-" + number);
    }

    private Path artifacts(final int build) {
        return out.resolve("artifacts/build-" + build);
    }

    /**
     * Runs one ml-delivery command in the workspace, as a user would type it there.
     * The commands resolve relative paths against the working directory, so each runs in a child
     * JVM started in the workspace rather than in this one.
     */
    private void step(final int expected, final String... args) {
        stdout.println();
        stdout.println("$ ml-delivery " + Arrays.stream(args).map(DemoPipeline::quote).collect(Collectors.joining(" ")));
        stdout.flush();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                MlDeliveryCommand.class.getName()));
        command.addAll(List.of(args));
        int exit = execute(command);
        String verdict = exit == expected ? "as expected" : "EXPECTED " + expected;
        stdout.println("(exit " + exit + ", " + verdict + ")");
        if (exit != expected) {
            mismatches.add("ml-delivery " + args[0] + (args.length > 1 && !args[1].startsWith("-") ? " " + args[1] : "")
                    + " exited " + exit + ", expected " + expected);
        }
    }

    private void process(final List<String> command) {
        stdout.println();
        stdout.println("$ " + command.stream().map(DemoPipeline::quote).collect(Collectors.joining(" ")));
        stdout.flush();
        int exit = execute(command);
        if (exit != 0) {
            throw new BadInputException(String.join(" ", command) + " exited " + exit + " in " + workspace);
        }
    }

    private int execute(final List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            try (var lines = process.inputReader(StandardCharsets.UTF_8).lines()) {
                lines.forEach(line -> {
                    stdout.println("  " + line);
                    stdout.flush();
                });
            }
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within 30 minutes");
            }
            return process.exitValue();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private int conclude() {
        heading("What the demo wrote");
        stdout.println("  reports:   " + out.relativize(build(1).resolve("report.html")) + ", build-2/…, build-3/report.html"
                + " (trends over the three builds), with summary.md beside each");
        stdout.println("  results:   build-N/*.json (the steps' --json), artifacts/build-N/ (models, profiles)");
        stdout.println("  registry:  " + out.resolve("registry") + " (documents and the audit log)");
        stdout.println("  open:      " + build(3).resolve("report.html").toUri());
        if (mismatches.isEmpty()) {
            stdout.println();
            stdout.println("demo: every step ended as expected");
            stdout.flush();
            return ExitCode.PASSED;
        }
        stdout.flush();
        mismatches.forEach(m -> stderr.println("demo: " + m));
        stderr.flush();
        return ExitCode.FAILED;
    }

    private void heading(final String text) {
        stdout.println();
        stdout.println("== " + text);
        stdout.flush();
    }

    private String path(final Path file) {
        return file.toString();
    }

    private static String quote(final String arg) {
        return arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void copyExample() {
        try (Stream<Path> files = Files.list(example)) {
            Files.createDirectories(workspace);
            for (Path source : files.toList()) {
                if (!GENERATED.contains(source.getFileName().toString()) && Files.isRegularFile(source)) {
                    Files.copy(source, workspace.resolve(source.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + example + " to " + workspace, e);
        }
    }

    private static void link(final Path link, final Path target) {
        try {
            Files.createSymbolicLink(link, target.toAbsolutePath());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot link " + link + " to " + target, e);
        }
    }

    private static void createDirectories(final Path dir) {
        try {
            Files.createDirectories(dir);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void write(final Path file, final String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmptyDirectory(final Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
        catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(final Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path directory, final IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot remove the previous demo in " + dir, e);
        }
    }
}
