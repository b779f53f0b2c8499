package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's three TLS modes, met by a plain client and by a TLS client, on one port each. */
class TlsConnectionsTest {
    private static final int ECHO = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static SelfSignedCertificate certificate;
    private static SelfSignedCertificate otherCertificate;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final RemotingClient plain = new RemotingClient();
    private final RemotingClient tls = new RemotingClient(ServerRequestHandler.IGNORE,
            ClientTlsConfig.trusting(certificate.certificate().toPath()).load());
    private RemotingServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificate = new SelfSignedCertificate("bolide-test");
        otherCertificate = new SelfSignedCertificate("someone-else");
    }

    @AfterAll
    static void deleteCertificates() {
        certificate.delete();
        otherCertificate.delete();
    }

    @AfterEach
    void stop() {
        plain.close();
        tls.close();
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    private String serve(TlsMode mode) throws InterruptedException {
        return serve(new ServerTlsConfig(mode, certificate.certificate().toPath(), certificate.privateKey().toPath(),
                null, ClientAuthentication.NONE, false, null, false));
    }

    private String serve(ServerTlsConfig config) throws InterruptedException {
        server = new RemotingServer(new InetSocketAddress("127.0.0.1", 0))
                .register(ECHO, (channel, request) -> CompletableFuture.completedFuture(
                        RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, request.extFields(), null)),
                        executor)
                .securedBy(config.load())
                .start();
        return "127.0.0.1:" + server.port();
    }

    private static RemotingCommand echo(RemotingClient client, String address) throws Exception {
        return client.invoke(address, ECHO, Map.of("say", "hello"), null, TIMEOUT).get();
    }

    @Test
    void enforcingServesTlsClientsAndClosesPlainConnections() throws Exception {
        String address = serve(TlsMode.ENFORCING);

        assertThat(echo(tls, address).extFields()).containsEntry("say", "hello");
        assertThatThrownBy(() -> echo(plain, address)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("closed before the response came");
    }

    @Test
    void permissiveServesPlainAndTlsClientsOnTheSamePort() throws Exception {
        String address = serve(TlsMode.PERMISSIVE);

        assertThat(echo(tls, address).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(echo(plain, address).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void disabledServesPlainClientsAndClosesTlsHandshakes() throws Exception {
        String address = serve(TlsMode.DISABLED);

        assertThat(echo(plain, address).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThatThrownBy(() -> echo(tls, address)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void aClientVerifyingTheServerRefusesACertificateItDoesNotTrust() throws Exception {
        String address = serve(TlsMode.ENFORCING);
        try (RemotingClient suspicious = new RemotingClient(ServerRequestHandler.IGNORE,
                ClientTlsConfig.trusting(otherCertificate.certificate().toPath()).load())) {
            assertThatThrownBy(() -> echo(suspicious, address)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aServerRequiringClientCertificatesServesOnlyClientsWithATrustedOne() throws Exception {
        ServerTlsConfig config = new ServerTlsConfig(TlsMode.ENFORCING, certificate.certificate().toPath(),
                certificate.privateKey().toPath(), null, ClientAuthentication.REQUIRE, true,
                otherCertificate.certificate().toPath(), false);
        String address = serve(config);
        try (RemotingClient known = new RemotingClient(ServerRequestHandler.IGNORE, new ClientTlsConfig(true, null,
                otherCertificate.certificate().toPath(), otherCertificate.privateKey().toPath(), null).load())) {
            assertThat(echo(known, address).code()).isEqualTo(ResponseCode.SUCCESS);
            assertThatThrownBy(() -> echo(tls, address)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aServerWithoutItsKeyFileDoesNotStartAndNamesTheFile() {
        Path missing = Path.of("no-such-dir", "server.key");
        ServerTlsConfig config = new ServerTlsConfig(TlsMode.ENFORCING, certificate.certificate().toPath(), missing,
                null, ClientAuthentication.NONE, false, null, false);

        assertThatThrownBy(config::load).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls.server.mode = enforcing, but tls.server.keyPath = " + missing
                        + ": no such file; the server does not start without the TLS it was asked for");
    }

    @Test
    void aServerAskedForTlsWithoutACertificateDoesNotStart() {
        ServerTlsConfig config = new ServerTlsConfig(TlsMode.PERMISSIVE, null, null, null, ClientAuthentication.NONE,
                false, null, false);

        assertThatThrownBy(config::load).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tls.server.certPath and tls.server.keyPath are not set");
    }
}
