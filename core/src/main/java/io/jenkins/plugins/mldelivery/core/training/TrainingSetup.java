package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything checked and recorded before the training command runs: bad options and bad input
 * are reported here (exit code 2) so that nothing runs on a request that cannot succeed.
 *
 * @param workDir     the absolute working directory
 * @param params      the parameters with the command line's overrides, or {@code null}
 * @param data        the data files' identities, paths as given
 * @param inputs      the step's inputs: data files, then the params file as it is on disk
 * @param globs       the model patterns
 * @param git         the working directory's git state
 * @param tools       what the version commands reported
 * @param host        this machine's name
 */
record TrainingSetup(Path workDir, ParamsFile params, List<InputIdentity> data, List<InputIdentity> inputs,
        List<ArtifactGlob> globs, GitState git, List<ToolVersion> tools, String host) {

    /**
     * Checks a request and records what must be known before its command runs. A params file that a
     * killed training left overridden is put back first (see {@link ParamsBackup}), and the notice
     * saying so goes to {@code notices}.
     */
    static TrainingSetup of(final TrainingRequest request, final java.util.function.Consumer<String> notices) {
        Path workDir = request.workDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(workDir)) {
            throw new BadInputException("working directory " + request.workDir() + " does not exist");
        }
        if (request.metrics().isEmpty()) {
            throw new BadInputException("no metrics file: say which file the command writes its metrics to (--metrics FILE)");
        }
        if (!request.overrides().isEmpty() && request.params() == null) {
            throw new BadInputException("--param needs the params file it overrides (--params FILE)");
        }
        List<ArtifactGlob> globs = request.models().stream().map(ArtifactGlob::of).toList();
        if (request.params() != null) {
            ParamsBackup.recover(request.resolve(request.params())).ifPresent(notices);
        }
        ParamsBackup.recoverAll(workDir).forEach(notices);
        List<InputIdentity> data = new ArrayList<>();
        for (Path file : request.data()) {
            FileDigest digest = FileDigest.of(request.resolve(file));
            data.add(new InputIdentity(file.toString(), digest.bytes(), digest.sha256()));
        }
        List<InputIdentity> inputs = new ArrayList<>(data);
        ParamsFile params = null;
        if (request.params() != null) {
            params = ParamsFile.read(request.resolve(request.params())).withOverrides(request.overrides());
            FileDigest digest = FileDigest.of(request.resolve(request.params()));
            inputs.add(new InputIdentity(request.params().toString(), digest.bytes(), digest.sha256()));
        }
        Map<String, String> environment = commandEnvironment(request, Map.of());
        List<ToolVersion> tools = request.toolVersionCommands().stream()
                .map(line -> ToolVersion.probe(line, workDir, environment)).toList();
        return new TrainingSetup(workDir, params, data, inputs, globs, GitState.of(workDir), tools, hostName());
    }

    /**
     * Returns the environment the command runs with: the request's variables over this process's,
     * plus {@code PYTHONUNBUFFERED=1} so that Python prints each line as it happens rather than
     * when its buffer fills (a pipe is not a terminal), unless the request says otherwise.
     */
    static Map<String, String> commandEnvironment(final TrainingRequest request, final Map<String, String> extra) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        if (!request.environment().containsKey("PYTHONUNBUFFERED")) {
            environment.put("PYTHONUNBUFFERED", "1");
        }
        environment.putAll(request.environment());
        environment.putAll(extra);
        return environment;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            String fallback = System.getenv("HOSTNAME");
            return fallback == null ? System.getenv().getOrDefault("COMPUTERNAME", "unknown") : fallback;
        }
    }
}
