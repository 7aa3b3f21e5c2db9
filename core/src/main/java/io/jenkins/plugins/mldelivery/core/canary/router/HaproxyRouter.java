package io.jenkins.plugins.mldelivery.core.canary.router;

import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Moves traffic between the stable and the canary server of one HAProxy backend by their weights,
 * set through HAProxy's runtime API ({@code set weight}) and read back ({@code get weight}) to
 * verify that HAProxy took them: a canary share of {@code p}% is weight {@code p} on the canary
 * and {@code 100 - p} on the stable server. The side that grows is weighted before the side that
 * shrinks, so no moment sends everything to the side going away. Promotion points the stable
 * server at the canary's address ({@code set server … addr}) and gives it all the weight, so the
 * stable server always serves the stable version; rollback gives it all the weight back. Runtime
 * changes live in HAProxy's memory only: a reload restores the configuration file's weights
 * unless HAProxy keeps a {@code server-state-file}.
 */
public final class HaproxyRouter implements TrafficRouter {
    /** The columns of {@code show servers state} (format 1) that promotion needs. */
    private static final int STATE_SERVER_NAME = 3;
    private static final int STATE_ADDRESS = 4;
    private static final int STATE_PORT = 18;

    private final RouterSpec.Haproxy spec;
    private final HaproxyRuntimeApi api;

    /**
     * Creates the router; nothing is sent to HAProxy until traffic moves.
     *
     * @param spec      the plan's router section
     * @param directory the plan's directory, against which a relative socket path is resolved
     */
    public HaproxyRouter(final RouterSpec.Haproxy spec, final Path directory) {
        this.spec = spec;
        this.api = new HaproxyRuntimeApi(spec.socket(), directory, spec.timeout());
    }

    @Override
    public void setCanaryWeight(final int weight) {
        weigh(100 - weight, weight);
    }

    @Override
    public void promote() {
        String[] canary = serverState(spec.canaryServer());
        String address = canary[STATE_ADDRESS];
        String port = canary[STATE_PORT];
        String[] stable = serverState(spec.stableServer());
        if (!stable[STATE_ADDRESS].equals(address) || !stable[STATE_PORT].equals(port)) {
            String command = "set server " + server(spec.stableServer()) + " addr " + address + " port " + port;
            String answer = api.call(command);
            if (!answer.contains("changed") && !answer.isEmpty()) {
                throw refused(command, answer);
            }
            String[] moved = serverState(spec.stableServer());
            if (!moved[STATE_ADDRESS].equals(address) || !moved[STATE_PORT].equals(port)) {
                throw new ExternalSystemException(prefix() + "'" + command + "' did not take effect: the stable server is at "
                        + moved[STATE_ADDRESS] + ":" + moved[STATE_PORT]);
            }
        }
        weigh(100, 0);
    }

    @Override
    public void rollback() {
        weigh(100, 0);
    }

    @Override
    public TrafficSnapshot snapshot() {
        int stable = weight(spec.stableServer());
        int canary = weight(spec.canaryServer());
        int share = stable + canary == 0 ? 0 : (int) Math.round(100.0 * canary / (stable + canary));
        return new TrafficSnapshot(share, "canary " + share + "%, stable " + (100 - share) + "% (weights " + spec.stableServer() + " "
                + stable + ", " + spec.canaryServer() + " " + canary + " in HAProxy backend " + spec.backend() + " via " + api.socket() + ")");
    }

    @Override
    public String describe() {
        return "HAProxy backend " + spec.backend() + " (" + spec.stableServer() + "/" + spec.canaryServer() + " via " + api.socket() + ")";
    }

    /** Sets both weights, growing side first, and reads them back. */
    private void weigh(final int stable, final int canary) {
        int currentCanary = weight(spec.canaryServer());
        List<String> order = canary >= currentCanary ? List.of(spec.canaryServer(), spec.stableServer())
                : List.of(spec.stableServer(), spec.canaryServer());
        for (String name : order) {
            int wanted = name.equals(spec.canaryServer()) ? canary : stable;
            String command = "set weight " + server(name) + " " + wanted;
            String answer = api.call(command);
            if (!answer.isEmpty()) {
                throw refused(command, answer);
            }
            int actual = weight(name);
            if (actual != wanted) {
                throw new ExternalSystemException(prefix() + "'" + command + "' did not take effect: HAProxy reports weight " + actual);
            }
        }
    }

    private int weight(final String name) {
        String command = "get weight " + server(name);
        String answer = api.call(command);
        // "5 (initial 1)"
        String first = answer.split("\\s+", 2)[0];
        try {
            return Integer.parseInt(first);
        }
        catch (NumberFormatException e) {
            throw refused(command, answer);
        }
    }

    private String[] serverState(final String name) {
        String command = "show servers state " + spec.backend();
        String answer = api.call(command);
        for (String line : answer.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            if (fields.length > STATE_PORT && fields[STATE_SERVER_NAME].equals(name)) {
                return fields;
            }
        }
        if (!answer.startsWith("1") || answer.lines().count() < 2) {
            throw refused(command, answer);
        }
        throw new ExternalSystemException(prefix() + "backend " + spec.backend() + " has no server '" + name + "' (servers: "
                + Arrays.stream(answer.split("\n")).filter(l -> !l.startsWith("#") && l.split(" ").length > STATE_PORT)
                        .map(l -> l.split(" ")[STATE_SERVER_NAME]).toList() + ")");
    }

    private String server(final String name) {
        return spec.backend() + "/" + name;
    }

    private ExternalSystemException refused(final String command, final String answer) {
        String line = answer.isBlank() ? "an empty answer" : "'" + answer.strip().replace('\n', ' ') + "'";
        return new ExternalSystemException(prefix() + "'" + command + "' refused: " + line);
    }

    private String prefix() {
        return "haproxy " + api.socket() + ": ";
    }
}
