package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.profile.ProfileResult;
import io.jenkins.plugins.mldelivery.core.result.Timing;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.CsvTable;
import io.jenkins.plugins.mldelivery.core.validation.Schema;
import io.jenkins.plugins.mldelivery.core.validation.SchemaInference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ml-delivery profile}: profiles a CSV file in one pass, writes the profile (the reference
 * for later drift checks) and, if asked, a first schema inferred from it.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Profile a CSV, Parquet or JSON Lines file (or a directory of Parquet files) in one pass: per column its type, missing values, moments, quantile sketch, "
                + "distinct count and value counts. The profile is the reference for drift in later validate runs; "
                + "--infer-schema writes a schema to review and edit.",
        footer = {"", "Exit codes: 0 profiled, 2 bad usage or unreadable input.", "", "Example:",
                "  ml-delivery profile --data data/train.csv --out train-profile.json \\",
                "      --infer-schema schema.json"})
public final class ProfileCommand extends StepCommand<ProfileResult> {
    @Option(names = "--data", paramLabel = "FILE|DIR", required = true,
            description = "The data to profile: a CSV, Parquet or JSON Lines file (told apart by content), or a directory of "
                    + "Parquet files (hive partition directories such as date=2026-12-05 become columns).")
    private Path data;

    @Option(names = "--out", paramLabel = "PROFILE.json", description = "Write the full profile as JSON to this file.")
    private Path out;

    @Option(names = "--infer-schema", paramLabel = "SCHEMA.json", description = "Write a schema inferred from the data to this file.")
    private Path inferSchema;

    @Option(names = "--schema", paramLabel = "SCHEMA.json",
            description = "Read the columns' types from this schema instead of inferring them.")
    private Path schema;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Declare a column's type: integer, decimal, boolean, datetime or string; repeat for several.")
    private Map<String, String> types;

    @Mixin
    private CsvOptions csv;

    @Override
    protected ProfileResult execute() {
        Clock clock = Clock.systemUTC();
        Instant start = clock.instant();
        Optional<String> delimiter = csv.delimiterOf(data);
        DatasetProfile profile = DataProfiling.profile(data, csv.format(), declaredTypes(), csv.threads());
        if (!profile.notProfiled().isEmpty()) {
            err().println("profile: not profiled: " + String.join(", ", profile.notProfiled()));
        }
        if (out != null) {
            profile.write(out);
        }
        if (inferSchema != null) {
            SchemaInference.infer(profile).write(inferSchema);
        }
        delimiter.ifPresent(out()::println);
        return ProfileResult.of(Timing.since(start, clock), profile);
    }

    private Map<String, ColumnType> declaredTypes() {
        Map<String, ColumnType> declared = new LinkedHashMap<>();
        if (schema != null) {
            Schema.read(schema).columns().forEach((name, rules) -> {
                if (rules.type() != null) {
                    declared.put(name, rules.type());
                }
            });
        }
        if (types != null) {
            List<String> columns = CsvTable.open(data, csv.format()).columns();
            types.forEach((name, type) -> {
                if (!columns.contains(name)) {
                    throw new BadInputException("--type " + name + "=" + type + ": " + data + " has no column '" + name
                            + "'; its columns are " + (columns.size() <= 12 ? String.join(", ", columns)
                            : String.join(", ", columns.subList(0, 12)) + " and " + (columns.size() - 12) + " more"));
                }
                try {
                    declared.put(name, ColumnType.fromName(type));
                }
                catch (IllegalArgumentException e) {
                    throw new BadInputException("--type " + name + "=" + type + ": " + e.getMessage());
                }
            });
        }
        return declared;
    }
}
