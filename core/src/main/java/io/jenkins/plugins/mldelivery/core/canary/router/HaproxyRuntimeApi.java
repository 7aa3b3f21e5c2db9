package io.jenkins.plugins.mldelivery.core.canary.router;

import io.jenkins.plugins.mldelivery.core.canary.plan.DurationText;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy's runtime API (the {@code stats socket}), one command per connection in its
 * non-interactive mode: the command and a newline are written, the answer is read until HAProxy
 * closes the connection. The socket is a Unix socket path or {@code host:port} of a TCP one.
 * Every call has a deadline, so a wedged HAProxy is a failure rather than a hang.
 */
public final class HaproxyRuntimeApi {
    private static final Pattern TCP = Pattern.compile("(?:ipv4@)?([0-9.]+|localhost|\\[[0-9a-fA-F:]+\\]):(\\d{1,5})");

    private final String socket;
    private final SocketAddress address;
    private final Duration timeout;

    /**
     * Addresses a runtime API.
     *
     * @param socket    a Unix socket path (relative to {@code directory}) or {@code host:port}
     * @param directory what a relative socket path is relative to
     * @param timeout   the deadline of each call
     */
    public HaproxyRuntimeApi(final String socket, final Path directory, final Duration timeout) {
        this.timeout = timeout;
        Matcher tcp = TCP.matcher(socket);
        if (tcp.matches()) {
            this.socket = socket;
            this.address = new InetSocketAddress(tcp.group(1).replaceAll("[\\[\\]]", ""), Integer.parseInt(tcp.group(2)));
        }
        else {
            Path path = directory.resolve(socket).toAbsolutePath().normalize();
            this.socket = path.toString();
            this.address = UnixDomainSocketAddress.of(path);
        }
    }

    /** Where the socket is, for messages. */
    String socket() {
        return socket;
    }

    /**
     * Sends one command and returns HAProxy's answer without trailing blank lines.
     *
     * @param command the command, e.g. {@code get weight model/canary}
     * @return the answer; empty for commands that succeed silently
     * @throws ExternalSystemException when the socket cannot be reached or does not answer in time
     */
    public String call(final String command) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(address.getClass() == UnixDomainSocketAddress.class
                ? java.net.StandardProtocolFamily.UNIX : protocolOf((InetSocketAddress) address));
                Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(address)) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                await(selector, deadline, command);
                channel.finishConnect();
            }
            ByteBuffer request = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
            while (request.hasRemaining()) {
                if (channel.write(request) == 0) {
                    channel.register(selector, SelectionKey.OP_WRITE);
                    await(selector, deadline, command);
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                if (read == 0) {
                    await(selector, deadline, command);
                    continue;
                }
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.UTF_8).stripTrailing();
        }
        catch (IOException e) {
            throw new ExternalSystemException("haproxy runtime API " + socket + ": '" + command + "' failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /**
     * Returns the HTTP responses a server has given so far: the {@code hrsp_*} columns of
     * {@code show stat} summed (what a rollout's traffic to one side is counted by).
     *
     * @param backend the backend
     * @param server  the server in it
     * @return the responses
     * @throws ExternalSystemException when HAProxy cannot be asked or has no such server
     */
    public long responses(final String backend, final String server) {
        List<String> header = null;
        for (String line : call("show stat").split("\n")) {
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
        throw new ExternalSystemException("haproxy runtime API " + socket + ": no server " + backend + "/" + server + " in 'show stat'");
    }

    private void await(final Selector selector, final long deadline, final String command) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
            throw new ExternalSystemException("haproxy runtime API " + socket + ": no answer to '" + command + "' within "
                    + DurationText.format(timeout));
        }
        selector.selectedKeys().clear();
    }

    private static java.net.ProtocolFamily protocolOf(final InetSocketAddress address) {
        return address.getAddress() instanceof java.net.Inet6Address ? java.net.StandardProtocolFamily.INET6
                : java.net.StandardProtocolFamily.INET;
    }
}
