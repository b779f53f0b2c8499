package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls.server.keyPassword}: a server key kept encrypted on disk (PKCS#8, PBES2 with AES-256, as
 * {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes it) serves TLS with its password and refuses to start
 * without it.
 */
class EncryptedServerKeyTest {
    private static final String PASSWORD = "s3cret-for-the-key";
    private static SelfSignedCertificate certificate;
    @TempDir
    static Path dir;
    private static Path encryptedKey;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private RemotingServer server;

    @BeforeAll
    static void encryptTheKey() throws Exception {
        certificate = new SelfSignedCertificate("bolide-test");
        encryptedKey = dir.resolve("server.key");
        Files.writeString(encryptedKey, pem(encrypted(certificate.key().getEncoded(), PASSWORD.toCharArray())));
    }

    @AfterAll
    static void deleteCertificate() {
        certificate.delete();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    @Test
    void aServerWithItsKeysPasswordServesTlsClients() throws Exception {
        String address = serve(config(PASSWORD));

        try (RemotingClient client = new RemotingClient(ServerRequestHandler.IGNORE,
                ClientTlsConfig.trusting(certificate.certificate().toPath()).load())) {
            RemotingCommand answer = client.invoke(address, 1000, Map.of(), null, Duration.ofSeconds(20)).get();
            assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    @Test
    void aClientKeyOpensWithItsPasswordOnly() {
        Path cert = certificate.certificate().toPath();
        assertThat(new ClientTlsConfig(false, cert, cert, encryptedKey, PASSWORD).load()).isNotNull();
        assertThatThrownBy(() -> new ClientTlsConfig(false, cert, cert, encryptedKey, "wrong").load())
                .hasMessage("TLS client: tls.client.keyPath = " + encryptedKey
                        + " does not open with tls.client.keyPassword");
    }

    @Test
    void aServerWithTheWrongPasswordDoesNotStart() {
        assertThatThrownBy(() -> config("not-the-password").load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tls.server.mode = enforcing, but ")
                .hasMessage("tls.server.mode = enforcing, but tls.server.keyPath = " + encryptedKey
                        + " does not open with tls.server.keyPassword; the server does not start without the TLS it"
                        + " was asked for");
    }

    @Test
    void aServerWithoutThePasswordOfAnEncryptedKeyDoesNotStart() {
        assertThatThrownBy(() -> config(null).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tls.server.keyPath = " + encryptedKey
                        + " is encrypted and tls.server.keyPassword is not set");
    }

    private static ServerTlsConfig config(String password) {
        return new ServerTlsConfig(TlsMode.ENFORCING, certificate.certificate().toPath(), encryptedKey, password,
                ClientAuthentication.NONE, false, null, false);
    }

    private String serve(ServerTlsConfig config) throws InterruptedException {
        server = new RemotingServer(new InetSocketAddress("127.0.0.1", 0))
                .register(1000, (channel, request) -> CompletableFuture.completedFuture(
                        RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, Map.of(), null)), executor)
                .securedBy(config.load())
                .start();
        return "127.0.0.1:" + server.port();
    }

    private static byte[] encrypted(byte[] pkcs8, char[] password) throws Exception {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password)),
                new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(pkcs8);
        // Java 17's EncryptedPrivateKeyInfo cannot encode PBES2 parameters; the DER is written here instead
        byte[] algorithmId = der(0x30, concat(PBES2_OID, cipher.getParameters().getEncoded()));
        return der(0x30, concat(algorithmId, der(0x04, encrypted)));
    }

    /** OBJECT IDENTIFIER 1.2.840.113549.1.5.13, PKCS#5 PBES2. */
    private static final byte[] PBES2_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01,
            0x05, 0x0D};

    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        byte[] header = length < 0x80 ? new byte[] {(byte) tag, (byte) length}
                : length < 0x100 ? new byte[] {(byte) tag, (byte) 0x81, (byte) length}
                : new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        return concat(header, content);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String pem(byte[] der) {
        return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + new String(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encode(der),
                        StandardCharsets.US_ASCII)
                + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
    }
}
