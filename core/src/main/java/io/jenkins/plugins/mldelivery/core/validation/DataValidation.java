package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.drift.DriftPolicy;
import io.jenkins.plugins.mldelivery.core.drift.DriftPolicyFile;
import io.jenkins.plugins.mldelivery.core.drift.DriftReport;
import io.jenkins.plugins.mldelivery.core.drift.ProfileDrift;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.profile.TableProfiler;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.Timing;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.DataTable;
import io.jenkins.plugins.mldelivery.core.table.DataTables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The validate step: reads the data once, profiling it and checking the schema's rules as it
 * streams, then compares its profile with the reference's for drift. Column types come from the
 * schema when it declares them, else from the reference (so that both sides are read alike), else
 * from the data's first chunk.
 */
public final class DataValidation {
    private DataValidation() {
        // static entry point only
    }

    /**
     * Runs the step.
     *
     * @param request what to validate
     * @param clock   the clock for the timing
     * @return the result
     * @throws BadInputException naming the file, row and column when an input cannot be read
     */
    public static ValidationResult run(final ValidationRequest request, final Clock clock) {
        Instant start = clock.instant();
        Schema schema = request.schema() == null ? null : Schema.read(request.schema());
        DriftPolicy policy = request.driftPolicy() == null ? DriftPolicy.defaults() : DriftPolicyFile.read(request.driftPolicy());
        Map<String, ColumnType> declared = declaredTypes(schema);
        DatasetProfile reference = request.reference() == null ? null : reference(request, declared);

        DataTable table = DataTables.open(request.data(), request.format());
        Map<String, ColumnType> known = new LinkedHashMap<>();
        if (reference != null) {
            reference.columns().forEach(column -> known.put(column.name(), column.type()));
        }
        known.putAll(declared);
        List<ColumnType> types = DataProfiling.typesOf(table, known);
        SchemaChecks checks = schema == null ? null : new SchemaChecks(schema, request.schema(), table.columns(), types);

        CompletableFuture<InputIdentity> identity = DataProfiling.identityOf(request.data());
        ValidationWork work = new ValidationWork(new TableProfiler(table.columns(), types),
                checks == null ? List.of() : checks.checks());
        ValidationWork.Chunk scanned = table.scan(types, request.threads(), work);
        DatasetProfile profile = scanned.profile().withSource(DataProfiling.join(identity))
                .withNotProfiled(table.notProfiled());
        List<Violation> violations = checks == null ? List.of() : checks.violations(profile, scanned.findings());
        DriftReport drift = reference == null ? null : ProfileDrift.compare(reference, profile, policy);
        if (request.profileOut() != null) {
            profile.write(request.profileOut());
        }
        Status status = violations.isEmpty() ? Status.PASSED : Status.FAILED;
        if (drift != null) {
            status = status.and(drift.status());
        }
        return new ValidationResult(status, Timing.since(start, clock), inputs(request, profile.source(), reference),
                profile.rows(), violations, drift);
    }

    private static Map<String, ColumnType> declaredTypes(final Schema schema) {
        Map<String, ColumnType> declared = new LinkedHashMap<>();
        if (schema != null) {
            schema.columns().forEach((name, rules) -> {
                if (rules.type() != null) {
                    declared.put(name, rules.type());
                }
            });
        }
        return declared;
    }

    static DatasetProfile reference(final ValidationRequest request, final Map<String, ColumnType> declared) {
        Path file = request.reference();
        if (isProfile(file)) {
            DatasetProfile profile = DatasetProfile.read(file);
            for (ColumnProfile column : profile.columns()) {
                ColumnType type = declared.get(column.name());
                if (type != null && type != column.type() && type.widen(column.type()) != type) {
                    throw new BadInputException(file + ", column '" + column.name() + "': the reference profile has type "
                            + column.type() + " but the schema declares " + type + "; profile the reference with the schema's types");
                }
            }
            return profile;
        }
        return DataProfiling.profile(file, request.format(), declared, request.threads());
    }

    /**
     * A reference is a saved profile when it is named *.json, or starts with '{' and names the profile
     * format near its start (a JSON Lines file starts with '{' too); otherwise it is data.
     */
    static boolean isProfile(final Path file) {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        if (Files.isDirectory(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            int first = 0;
            while (first < head.length && (head[first] == ' ' || head[first] == '\t' || head[first] == '\r' || head[first] == '\n')) {
                first++;
            }
            return first < head.length && head[first] == '{'
                    && new String(head, java.nio.charset.StandardCharsets.UTF_8).contains(DatasetProfile.FORMAT);
        }
        catch (IOException e) {
            return false; // reading it as data will report the problem with the file's name
        }
    }

    private static List<InputIdentity> inputs(final ValidationRequest request, final InputIdentity data,
            final DatasetProfile reference) {
        List<InputIdentity> inputs = new ArrayList<>();
        inputs.add(data);
        if (request.schema() != null) {
            inputs.add(InputIdentity.of(request.schema()));
        }
        if (request.reference() != null) {
            inputs.add(reference.source() != null && !isProfile(request.reference()) ? reference.source()
                    : InputIdentity.of(request.reference()));
        }
        if (request.driftPolicy() != null) {
            inputs.add(InputIdentity.of(request.driftPolicy()));
        }
        return inputs;
    }
}
