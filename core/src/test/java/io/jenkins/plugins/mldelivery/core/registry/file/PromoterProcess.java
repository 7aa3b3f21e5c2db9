package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A promoter in its own JVM, as a build agent would run one: it registers a version (twice, as a
 * retried build would) and moves {@code champion} to it. Started by the registry's concurrency and
 * crash tests with {@code java -cp <test classpath>}; prints nothing, exits 0 on success.
 * <pre>
 * PromoterProcess REGISTRY_DIR once ID START_SIGNAL_FILE   one promotion when the signal file appears
 * PromoterProcess REGISTRY_DIR loop ID                     promotions until killed
 * </pre>
 */
public final class PromoterProcess {
    private PromoterProcess() {
        // a main class
    }

    /**
     * Runs the promoter.
     *
     * @param args the registry directory, the mode, the promoter's id and (for {@code once}) the start signal
     * @throws Exception on any failure, which the test sees as a non-zero exit
     */
    public static void main(final String[] args) throws Exception {
        FileModelRegistry registry = new FileModelRegistry(Path.of(args[0]));
        String id = args[2];
        if ("once".equals(args[1])) {
            Path signal = Path.of(args[3]);
            while (!Files.exists(signal)) {
                Thread.sleep(2);
            }
            promote(registry, id);
        }
        else {
            for (int n = 0; ; n++) {
                promote(registry, id + "-" + n);
            }
        }
    }

    static void promote(final FileModelRegistry registry, final String id) {
        VersionRequest request = VersionRequest.forModel("credit-risk").withSource("s3://models/credit-risk/" + id)
                .withMetrics(Map.of("f1", 0.8)).withIdempotencyKey("https://ci/job/credit/" + id + "/")
                .registeredBy(ChangeNote.by("agent-" + id).fromBuild("https://ci/job/credit/" + id + "/")).build();
        ModelVersion version = registry.register(request);
        ModelVersion retried = registry.register(request);
        if (!retried.equals(version)) {
            throw new IllegalStateException("a retried registration made a second version: " + version + " then " + retried);
        }
        registry.setAlias("credit-risk", "champion", version.version(),
                ChangeNote.by("agent-" + id).fromBuild(request.registeredBy().build()).because("promotion " + id));
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
                "-cp", System.getProperty("java.class.path"), PromoterProcess.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
