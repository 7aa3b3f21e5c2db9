package io.jenkins.plugins.mldelivery.core.canary.router;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.testing.HaproxyServer;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HAProxy router against a real HAProxy 2.6 on loopback: the weights it sets are the ones
 * HAProxy reports and the split requests really take; promotion and rollback leave all traffic on
 * one version; a missing socket, a missing server and refused weights fail with one line.
 */
public class HaproxyRouterTest {
    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static final AtomicInteger STABLE = new AtomicInteger();
    private static final AtomicInteger CANARY = new AtomicInteger();
    private static HttpServer stable;
    private static HttpServer canary;
    private static HaproxyServer haproxy;
    private static HaproxyServer userLevel;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeClass
    public static void startHaproxyAndTwoVersions() throws IOException {
        stable = server(STABLE);
        canary = server(CANARY);
        List<HaproxyServer.Backend> backends = List.of(
                new HaproxyServer.Backend("model", "roundrobin", stable.getAddress().getPort(), canary.getAddress().getPort()),
                new HaproxyServer.Backend("fixed", "static-rr", stable.getAddress().getPort(), canary.getAddress().getPort()));
        haproxy = HaproxyServer.start(folder.newFolder("admin").toPath(), "admin", backends);
        userLevel = HaproxyServer.start(folder.newFolder("user").toPath(), "user", backends);
    }

    @AfterClass
    public static void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {haproxy, userLevel}) {
            if (closeable != null) {
                try {
                    closeable.close();
                }
                catch (Exception e) {
                    // best effort
                }
            }
        }
        if (stable != null) {
            stable.stop(0);
        }
        if (canary != null) {
            canary.stop(0);
        }
    }

    @Before
    public void startFromAllTrafficOnStable() {
        HaproxyRouter router = router("model", "canary", haproxy.socket());
        router.rollback();
        // a promotion in an earlier test pointed the stable server at the canary's port
        new HaproxyRuntimeApi(haproxy.socket().toString(), Path.of("/"), Duration.ofSeconds(5))
                .call("set server model/stable addr 127.0.0.1 port " + stable.getAddress().getPort());
    }

    @Test
    public void shouldSplitRequestsAsTheWeightsItSetsAndPutEverythingBackOnStableOnRollback() throws Exception {
        HaproxyRouter router = router("model", "canary", haproxy.socket());

        router.setCanaryWeight(25);

        assertThat(router.snapshot().canaryWeight()).isEqualTo(25);
        assertThat(router.snapshot().description()).contains("weights stable 75, canary 25");
        int[] split = send(100);
        // smooth weighted round robin: exactly one request in four, give or take the rotation's phase
        assertThat(split[1]).isBetween(24, 26);

        router.rollback();

        assertThat(router.snapshot().canaryWeight()).isZero();
        assertThat(send(40)[1]).isZero();
    }

    @Test
    public void shouldPointTheStableServerAtTheCanaryWhenPromoting() throws Exception {
        HaproxyRouter router = router("model", "canary", haproxy.socket());
        router.setCanaryWeight(50);

        router.promote();

        assertThat(router.snapshot().canaryWeight()).isZero();
        int[] split = send(40);
        assertThat(split[0]).as("requests the old stable version answered").isZero();
        assertThat(split[1]).as("requests the promoted version answered, through the stable server").isEqualTo(40);
        router.promote(); // idempotent: a controller that restarts repeats it
        assertThat(send(10)[1]).isEqualTo(10);
    }

    @Test
    public void shouldFailWithOneLineWhenTheSocketIsGone() {
        Path gone = folder.getRoot().toPath().resolve("no-haproxy-here.sock");
        HaproxyRouter router = router("model", "canary", gone);

        assertThatThrownBy(() -> router.setCanaryWeight(5)).isInstanceOf(ExternalSystemException.class)
                .hasMessageStartingWith("haproxy runtime API " + gone + ": 'get weight model/canary' failed")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(router::snapshot).isInstanceOf(ExternalSystemException.class);
    }

    @Test
    public void shouldFailWhenTheCanaryServerIsMissing() {
        HaproxyRouter router = router("model", "candidate", haproxy.socket());

        assertThatThrownBy(() -> router.setCanaryWeight(5)).isInstanceOf(ExternalSystemException.class)
                .hasMessage("haproxy " + haproxy.socket() + ": 'get weight model/candidate' refused: 'No such server.'");
        assertThatThrownBy(router::promote).hasMessageContaining("backend model has no server 'candidate' (servers: [stable, canary])");
    }

    @Test
    public void shouldFailWhenHaproxyRefusesTheWeights() {
        assertThatThrownBy(() -> router("fixed", "canary", haproxy.socket()).setCanaryWeight(5))
                .isInstanceOf(ExternalSystemException.class)
                .hasMessageContaining("'set weight fixed/canary 5' refused: 'Backend is using a static LB algorithm");
        assertThatThrownBy(() -> router("model", "canary", userLevel.socket()).setCanaryWeight(5))
                .isInstanceOf(ExternalSystemException.class)
                .hasMessageContaining("'set weight model/canary 5' refused: 'Permission denied'");
        assertThat(router("model", "canary", userLevel.socket()).snapshot().canaryWeight()).as("nothing moved").isZero();
    }

    private static HaproxyRouter router(final String backend, final String canaryServer, final Path socket) {
        return new HaproxyRouter(new RouterSpec.Haproxy(socket.toString(), backend, "stable", canaryServer, Duration.ofSeconds(5)),
                Path.of("/"));
    }

    /** Sends requests through the frontend and counts which version answered them. */
    private static int[] send(final int requests) throws Exception {
        int stableBefore = STABLE.get();
        int canaryBefore = CANARY.get();
        URI frontend = haproxy.frontend("model");
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(frontend.resolve("/predict")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(haproxy.logTail()).isEqualTo(200);
        }
        return new int[] {STABLE.get() - stableBefore, CANARY.get() - canaryBefore};
    }

    private static HttpServer server(final AtomicInteger counter) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            counter.incrementAndGet();
            byte[] body = "ok".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
