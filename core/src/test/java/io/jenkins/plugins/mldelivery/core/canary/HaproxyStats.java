package io.jenkins.plugins.mldelivery.core.canary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a server's counters from HAProxy's runtime API ({@code show stat}, CSV), independently of
 * the router under test.
 */
final class HaproxyStats {
    private HaproxyStats() {
        // static look-ups only
    }

    /** The HTTP responses a server gave (the {@code hrsp_*} columns summed). */
    static long responses(final Path socket, final String backend, final String server) {
        List<String> header = null;
        for (String line : call(socket, "show stat").split("\n")) {
            if (line.startsWith("# ")) {
                header = List.of(line.substring(2).split(","));
                continue;
            }
            String[] fields = line.split(",", -1);
            if (header != null && fields.length > 1 && fields[0].equals(backend) && fields[1].equals(server)) {
                long total = 0;
                for (String column : List.of("hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other")) {
                    String value = fields[header.indexOf(column)];
                    total += value.isEmpty() ? 0 : Long.parseLong(value);
                }
                return total;
            }
        }
        throw new IllegalStateException("no server " + backend + "/" + server + " in show stat");
    }

    /** The server's current weight. */
    static int weight(final Path socket, final String backend, final String server) {
        return Integer.parseInt(call(socket, "get weight " + backend + "/" + server).split(" ")[0]);
    }

    private static String call(final Path socket, final String command) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
