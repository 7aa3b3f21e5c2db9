package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.validation.DataValidation;
import io.jenkins.plugins.mldelivery.core.validation.ProfileValidation;
import io.jenkins.plugins.mldelivery.core.validation.ValidationRequest;
import io.jenkins.plugins.mldelivery.core.validation.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ml-delivery validate}: checks a CSV file against a schema while reading it once, and its
 * drift against a reference dataset or saved profile.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Validate a CSV file: check it against a schema (types, required columns, missing rates, ranges, "
                + "allowed values, patterns, uniqueness, row counts, unexpected columns) while reading it once, and measure "
                + "the drift of every column against a reference (a CSV file or a saved profile).",
        footer = {"", "Exit codes: 0 passed (or only warnings), 1 violations or dataset drift, 2 bad usage or unreadable input.",
                "", "Example:",
                "  ml-delivery validate --data batch.csv --reference train-profile.json \\",
                "      --schema schema.json --json out.json",
                "  ml-delivery validate --current-profile batch-profile.json --reference train-profile.json"})
public final class ValidateCommand extends StepCommand<ValidationResult> {
    @Option(names = "--data", paramLabel = "FILE|DIR",
            description = "The data to validate: a CSV, Parquet or JSON Lines file (told apart by content), or a directory of Parquet files.")
    private Path data;

    @Option(names = "--current-profile", paramLabel = "CURRENT.json",
            description = "Instead of --data: a saved profile of the current data (from 'ml-delivery profile --out' or the Spark "
                    + "job), to judge drift and the schema rules a profile can decide without reading the rows.")
    private Path currentProfile;

    @Option(names = "--reference", paramLabel = "FILE|PROFILE.json",
            description = "The reference for drift: data (CSV, Parquet, JSON Lines, a Parquet directory), or a profile written by "
                    + "'ml-delivery profile --out'.")
    private Path reference;

    @Option(names = "--schema", paramLabel = "SCHEMA.json", description = "The schema to check (see 'ml-delivery profile --infer-schema').")
    private Path schema;

    @Option(names = "--drift-policy", paramLabel = "FILE",
            description = "The drift policy (YAML or JSON): thresholds, correction, critical and ignored columns.")
    private Path driftPolicy;

    @Option(names = "--profile-out", paramLabel = "PROFILE.json", description = "Also write the data's profile to this file.")
    private Path profileOut;

    @Mixin
    private CsvOptions csv;

    @Override
    protected ValidationResult execute() {
        if ((data == null) == (currentProfile == null)) {
            // a usage mistake: the reason and where to find help, as picocli's own
            throw new ParameterException(spec().commandLine(),
                    "give the data to validate: either --data FILE|DIR or --current-profile CURRENT.json");
        }
        if (currentProfile != null) {
            if (profileOut != null) {
                throw new ParameterException(spec().commandLine(),
                        "--profile-out: with --current-profile the profile is already written");
            }
            return ProfileValidation.run(new ValidationRequest(currentProfile, csv.format(), schema, reference, driftPolicy,
                    csv.threads(), null), Clock.systemUTC());
        }
        List<String> delimiters = Stream.of(csv.delimiterOf(data), csv.delimiterOf(reference)).flatMap(Optional::stream).toList();
        ValidationRequest request = new ValidationRequest(data, csv.format(), schema, reference, driftPolicy, csv.threads(),
                profileOut);
        ValidationResult result = DataValidation.run(request, Clock.systemUTC());
        delimiters.forEach(out()::println);
        return result;
    }
}
