package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelCard;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.PromoteRequest;
import io.jenkins.plugins.mldelivery.core.registry.PromoteResult;
import io.jenkins.plugins.mldelivery.core.registry.Promotion;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowCredentials;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code promote} command: moves an alias to a registered version, or registers a train
 * result's model first, refusing when the gate failed unless forced.
 */
@Command(name = "promote", sortOptions = false,
        description = {"Point an alias (champion, challenger, ...) at a model version, registering a train result's model first.",
                "Refuses (exit 1) when --gate names a FAILED gate result, unless --force."},
        footer = {"", "Exit codes: 0 promoted, 1 refused (the gate failed), 2 bad input (unknown",
                "model or version, unreadable file), 3 the registry server failed.",
                "MLflow credentials: MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME with",
                "MLFLOW_TRACKING_PASSWORD.",
                "", "Examples:",
                "  ml-delivery promote --registry file:registry --model credit-risk \\",
                "      --from train.json --alias champion --gate gate.json \\",
                "      --reason 'f1 +0.02 over champion' --json promote.json",
                "  ml-delivery promote --registry mlflow:http://127.0.0.1:5000 \\",
                "      --model credit-risk --version 3 --alias champion"})
public final class PromoteCommand extends StepCommand<PromoteResult> {
    // not mixinStandardHelpOptions: its -V/--version would take the contract's --version N
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--registry", required = true, paramLabel = "URI", description = "file:DIR (embedded registry) or mlflow:http://HOST:PORT.")
    private String registry;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The registered model, e.g. credit-risk.")
    private String model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    @Option(names = "--alias", required = true, paramLabel = "NAME", description = "The alias to move, e.g. champion.")
    private String alias;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded in the alias history.")
    private String reason;

    @Option(names = "--gate", paramLabel = "GATE_RESULT.json", description = "The gate's result (ml-delivery gate --json); a FAILED one stops the promotion.")
    private Path gate;

    @Option(names = "--force", description = "Promote even when the gate result FAILED (recorded in the history).")
    private boolean force;

    @Option(names = "--card", paramLabel = "FILE.md",
            description = "Also write the promoted version's model card here (Markdown; the JSON card beside it as FILE.json). "
                    + "Name it model-card.md in a run directory and the report shows it.")
    private Path card;

    @Option(names = "--source-prefix", paramLabel = "PREFIX",
            description = "With --from: register the model by its location, PREFIX followed by the model file's path "
                    + "(e.g. s3://models/build-42/), instead of copying its files into the registry.")
    private String sourcePrefix;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Tag the registered version (repeatable).")
    private Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--who", paramLabel = "NAME", description = "Who promotes (default: $BUILD_USER_ID, else the system user).")
    private String who;

    @Option(names = "--build", paramLabel = "URL", description = "The build that promotes (default: $BUILD_URL).")
    private String build;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Makes a retried registration of the same files return the same version; other files under the"
                    + " same key are a new version (default: the build URL).")
    private String idempotencyKey;

    @Option(names = "--card-template", paramLabel = "FILE.md",
            description = "The team's intended-use text for the model card; {{model}} and {{version}} are replaced.")
    private Path cardTemplate;

    @Option(names = "--profile", paramLabel = "PROFILE.json",
            description = "A profile of the training data for the model card (default: the one the training stored).")
    private Path profile;

    /** A registered version, or a train result to register. */
    static final class What {
        @Option(names = "--version", required = true, paramLabel = "N", description = "Promote this registered version.")
        private Integer version;

        @Option(names = "--from", required = true, paramLabel = "TRAIN_RESULT.json",
                description = "Register the model of this train result (ml-delivery train --json), then promote it. Its files are"
                        + " looked for in its artifacts directory, beside the file, then in the training's working directory;"
                        + " an MLflow model directory (MLmodel) among them becomes the version's source.")
        private Path trainResult;
    }

    @Override
    protected PromoteResult execute() {
        ChangeNote note = note(who, build).because(reason);
        PromoteRequest request = PromoteRequest.of(model, alias).version(what.version).fromTrainResult(what.trainResult)
                .withSourcePrefix(sourcePrefix).withTags(tags).by(note).withGate(gate).forced(force)
                .withIdempotencyKey(idempotencyKey != null ? idempotencyKey : note.build())
                .withCardTemplate(cardTemplate).withDataProfile(profile).build();
        ModelRegistry opened = RegistryUri.parse(registry).open(MlflowCredentials.fromEnvironment(System.getenv()));
        PromoteResult result = new Promotion(opened, Clock.systemUTC()).promote(request);
        if (card != null && result.promoted()) {
            opened.card(model, result.version()).ifPresent(this::writeCard);
        }
        return result;
    }

    private void writeCard(final ModelCard modelCard) {
        AtomicFiles.write(card, modelCard.toMarkdown().getBytes(StandardCharsets.UTF_8));
        String name = card.getFileName().toString();
        ResultJson.write(card.resolveSibling((name.endsWith(".md") ? name.substring(0, name.length() - 3) : name) + ".json"), modelCard);
    }

    /**
     * Returns who changes the registry and from which build: the options when given, else what
     * Jenkins (and the CI systems that copy its names) puts in the environment.
     */
    static ChangeNote note(final String who, final String build) {
        String person = firstNonBlank(who, System.getenv("BUILD_USER_ID"), System.getProperty("user.name"), "unknown");
        return ChangeNote.by(person).fromBuild(firstNonBlank(build, System.getenv("BUILD_URL")));
    }

    private static String firstNonBlank(final String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
