package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowCredentials;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.RegisteredModel;
import io.jenkins.plugins.mldelivery.core.registry.RegistryReport;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;
import io.jenkins.plugins.mldelivery.core.registry.Stage;
import io.jenkins.plugins.mldelivery.core.result.Timing;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code registry} command: list models and versions, show a version with its model card,
 * show an alias's history, roll an alias back, move a version between MLflow's deprecated stages.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Look into a model registry and roll aliases back.",
        subcommands = {RegistryCommand.ListAction.class, RegistryCommand.ShowAction.class, RegistryCommand.HistoryAction.class,
                RegistryCommand.RollbackAction.class, RegistryCommand.StageAction.class},
        footer = {"", "Exit codes: 0 done, 2 bad input (unknown model, version or alias),",
                "3 the registry server failed.", "", "Examples:",
                "  ml-delivery registry list --registry file:registry --model credit-risk",
                "  ml-delivery registry rollback --registry file:registry \\",
                "      --model credit-risk --alias champion --reason 'latency regression'"})
public final class RegistryCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing action: list, show, history, rollback or stage");
    }

    /** The registry option every action takes. */
    static final class Where {
        @Option(names = "--registry", required = true, paramLabel = "URI", description = "file:DIR (embedded registry) or mlflow:http://HOST:PORT.")
        private String registry;

        ModelRegistry open() {
            return RegistryUri.parse(registry).open(MlflowCredentials.fromEnvironment(System.getenv()));
        }
    }

    /** Who makes a change, from which build, and why. */
    static final class Who {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded in the alias history.")
        private String reason;

        @Option(names = "--who", paramLabel = "NAME", description = "Who (default: $BUILD_USER_ID, else the system user).")
        private String who;

        @Option(names = "--build", paramLabel = "URL", description = "The build (default: $BUILD_URL).")
        private String build;
    }

    /** How long a silent registry server is waited for before the user is told what is going on. */
    static final java.time.Duration WAIT_NOTICE_AFTER = java.time.Duration.ofSeconds(3);

    /** Base of the actions: each reports on one registry. */
    abstract static class Action extends StepCommand<RegistryReport> {
        // not mixinStandardHelpOptions: its -V/--version would take the actions' --version N
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        private boolean help;

        @Mixin
        Where where;

        private final Instant start = Instant.now();

        private java.util.Timer watchdog;

        /**
         * Opens the registry; an MLflow server that has not answered after a few seconds is named on
         * standard error with how long the wait is bounded by, so a frozen server is never silent.
         */
        ModelRegistry open() {
            RegistryUri uri = RegistryUri.parse(where.registry);
            if (uri.kind() == RegistryUri.Kind.MLFLOW) {
                MlflowClient client = MlflowClient.at(uri.server()).build();
                long seconds = client.requestTimeout().toSeconds();
                String notice = spec().commandLine().getCommandName() + ": waiting for the MLflow server at " + uri.server()
                        + " to answer (each request gives up after " + seconds + " s, " + client.maxAttempts()
                        + " tries at most; set MLFLOW_HTTP_REQUEST_TIMEOUT=SECONDS to change)";
                watchdog = new java.util.Timer("mlflow-wait-notice", true);
                watchdog.schedule(new java.util.TimerTask() {
                    @Override
                    public void run() {
                        err().println(notice);
                        err().flush();
                    }
                }, WAIT_NOTICE_AFTER.toMillis());
            }
            return where.open();
        }

        @Override
        protected void finished() {
            if (watchdog != null) {
                watchdog.cancel();
            }
        }

        Timing timing() {
            return Timing.since(start, Clock.systemUTC());
        }
    }

    /** {@code registry list}: the models, or one model's versions. */
    @Command(name = "list", footer = {"", "Example:", "  ml-delivery registry list --registry file:registry --model credit-risk \\", "      --json versions.json"}, description = "List the models, or the versions of one model with its aliases.")
    static final class ListAction extends Action {
        @Option(names = "--model", paramLabel = "NAME", description = "List this model's versions instead of the models.")
        private String model;

        @Override
        protected RegistryReport execute() {
            ModelRegistry registry = open();
            if (model == null) {
                List<RegisteredModel> models = registry.models().stream()
                        .map(name -> registry.findModel(name).orElseThrow()).toList();
                return new RegistryReport("list", registry.uri(), null, models, null, null, null, null, null, null, timing());
            }
            List<ModelVersion> versions = registry.versions(model);
            Map<String, Integer> aliases = registry.findModel(model).map(RegisteredModel::aliases).orElse(Map.of());
            return new RegistryReport("list", registry.uri(), model, null, versions, aliases, null, null, null, null, timing());
        }
    }

    /** {@code registry show}: one version, by number or alias, with its model card. */
    @Command(name = "show", footer = {"", "Example:", "  ml-delivery registry show --registry mlflow:http://127.0.0.1:5000 \\", "      --model credit-risk --alias champion"}, description = "Show a version (by number or alias) with its model card.")
    static final class ShowAction extends Action {
        @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model.")
        private String model;

        @ArgGroup(exclusive = true, multiplicity = "1")
        private Which which;

        /** A version number or an alias. */
        static final class Which {
            @Option(names = "--version", required = true, paramLabel = "N", description = "The version.")
            private Integer version;

            @Option(names = "--alias", required = true, paramLabel = "NAME", description = "The alias that points to the version.")
            private String alias;
        }

        @Override
        protected RegistryReport execute() {
            ModelRegistry registry = open();
            ModelVersion version = which.version != null ? registry.version(model, which.version)
                    : registry.resolveAlias(model, which.alias).orElseThrow(() -> new BadInputException(
                            "registry " + registry.uri() + ": model '" + model + "' has no alias '" + which.alias + "'"));
            Map<String, Integer> aliases = registry.findModel(model).map(RegisteredModel::aliases).orElse(Map.of());
            return new RegistryReport("show", registry.uri(), model, null, null, aliases, version,
                    registry.card(model, version.version()).orElse(null), null, null, timing());
        }
    }

    /** {@code registry history}: who moved an alias, when, from which build, why. */
    @Command(name = "history", footer = {"", "Example:", "  ml-delivery registry history --registry file:registry \\", "      --model credit-risk --alias champion"}, description = "Show the moves of an alias, or of all aliases of a model.")
    static final class HistoryAction extends Action {
        @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model.")
        private String model;

        @Option(names = "--alias", paramLabel = "NAME", description = "Only this alias.")
        private String alias;

        @Override
        protected RegistryReport execute() {
            ModelRegistry registry = open();
            List<AliasMove> history = registry.aliasHistory(model, alias);
            return new RegistryReport("history", registry.uri(), model, null, null, null, null, null, history, null, timing());
        }
    }

    /** {@code registry rollback}: the alias goes back to the version it pointed to before. */
    @Command(name = "rollback", footer = {"", "Example:", "  ml-delivery registry rollback --registry file:registry \\", "      --model credit-risk --alias champion \\", "      --reason 'p95 latency regression' --json rollback.json"},
            description = "Move an alias back to the version it pointed to before its last move; again to go further back.")
    static final class RollbackAction extends Action {
        @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model.")
        private String model;

        @Option(names = "--alias", required = true, paramLabel = "NAME", description = "The alias, e.g. champion.")
        private String alias;

        @Mixin
        private Who who;

        @Override
        protected RegistryReport execute() {
            ModelRegistry registry = open();
            AliasMove move = registry.rollback(model, alias, PromoteCommand.note(who.who, who.build).because(who.reason));
            return new RegistryReport("rollback", registry.uri(), model, null, null, null, null, null, null, move, timing());
        }
    }

    /** {@code registry stage}: MLflow's deprecated stages, for teams that still use them. */
    @Command(name = "stage", footer = {"", "Example:", "  ml-delivery registry stage --registry mlflow:http://127.0.0.1:5000 \\", "      --model credit-risk --version 3 --stage Production --archive-existing"},
            description = "Move a version to a stage (None, Staging, Production, Archived); deprecated by MLflow in favour of aliases.")
    static final class StageAction extends Action {
        @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model.")
        private String model;

        @Option(names = "--version", required = true, paramLabel = "N", description = "The version.")
        private int version;

        @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "None, Staging, Production or Archived.")
        private String stage;

        @Option(names = "--archive-existing", description = "Archive the versions now in that stage.")
        private boolean archiveExisting;

        @Mixin
        private Who who;

        @Override
        protected RegistryReport execute() {
            ModelRegistry registry = open();
            ModelVersion changed = registry.setStage(model, version, Stage.of(stage), archiveExisting,
                    PromoteCommand.note(who.who, who.build).because(who.reason));
            return new RegistryReport("stage", registry.uri(), model, null, null, null, changed, null, null, null, timing());
        }
    }
}
