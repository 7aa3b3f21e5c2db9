package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.router.HaproxyRuntimeApi;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a server's counters and weight from HAProxy's runtime API with plain commands
 * ({@code show stat}, {@code get weight}), apart from the router under test's own logic.
 */
final class HaproxyStats {
    private HaproxyStats() {
        // static look-ups only
    }

    /** The HTTP responses a server gave (the {@code hrsp_*} columns summed). */
    static long responses(final Path socket, final String backend, final String server) {
        return api(socket).responses(backend, server);
    }

    /** The server's current weight. */
    static int weight(final Path socket, final String backend, final String server) {
        return Integer.parseInt(api(socket).call("get weight " + backend + "/" + server).split(" ")[0]);
    }

    private static HaproxyRuntimeApi api(final Path socket) {
        return new HaproxyRuntimeApi(socket.toString(), Path.of("/"), Duration.ofSeconds(5));
    }
}
