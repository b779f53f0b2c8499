package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsPropertiesTest {
    @TempDir
    Path dir;

    @Test
    void withNothingSetTlsIsDisabledAndTheBrokersOwnClientPlain() {
        TlsProperties properties = TlsProperties.read(key -> null, key -> null);

        assertThat(properties.server().mode()).isEqualTo(TlsMode.DISABLED);
        assertThat(properties.clientEnabled()).isFalse();
    }

    @Test
    void theConfigFileOverridesSystemPropertiesButNotTheMode() throws Exception {
        Path file = Files.writeString(dir.resolve("tls.properties"),
                "tls.server.mode=disabled\ntls.server.certPath=/from/file.pem\ntls.server.need.client.auth=require\n");
        Map<String, String> system = Map.of("tls.config.file", file.toString(), "tls.server.mode", "enforcing",
                "tls.server.certPath", "/from/system.pem", "tls.server.keyPath", "/from/system.key");

        ServerTlsConfig server = TlsProperties.read(key -> null, system::get).server();

        assertThat(server.mode()).isEqualTo(TlsMode.ENFORCING);
        assertThat(server.certPath()).isEqualTo(Path.of("/from/file.pem"));
        assertThat(server.keyPath()).isEqualTo(Path.of("/from/system.key"));
        assertThat(server.clientAuth()).isEqualTo(ClientAuthentication.REQUIRE);
    }

    @Test
    void explicitValuesWinOverFileAndSystemProperties() throws Exception {
        Path file = Files.writeString(dir.resolve("tls.properties"), "tls.server.certPath=/from/file.pem\n");
        Map<String, String> explicit = Map.of("tls.config.file", file.toString(), "tls.server.certPath",
                "/explicit.pem", "tls.server.mode", "permissive");

        ServerTlsConfig server = TlsProperties.read(explicit::get, key -> null).server();

        assertThat(server.mode()).isEqualTo(TlsMode.PERMISSIVE);
        assertThat(server.certPath()).isEqualTo(Path.of("/explicit.pem"));
    }

    @Test
    void anEnforcingServersOwnClientUsesTlsUnlessTlsEnableSaysOtherwise() {
        assertThat(TlsProperties.read(key -> null, Map.of("tls.server.mode", "enforcing")::get).clientEnabled())
                .isTrue();
        assertThat(TlsProperties.read(key -> null, Map.of("tls.server.mode", "enforcing", "tls.enable",
                "false")::get).clientEnabled()).isFalse();
    }

    @Test
    void aMisspeltModeIsAnErrorNotRocketMqsPermissive() {
        TlsProperties properties = TlsProperties.read(key -> null, Map.of("tls.server.mode", "enforce")::get);

        assertThatThrownBy(properties::server).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls.server.mode = 'enforce': not disabled, permissive or enforcing");
    }

    @Test
    void aConfigFileNamedButMissingIsAnError() {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> TlsProperties.read(key -> null, Map.of("tls.config.file", missing.toString())::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls.config.file = " + missing + ": no such file");
    }

    @Test
    void aClientVerifiesTheServerOnlyWhenAskedAsInRocketMq() {
        assertThat(TlsProperties.read(key -> null, key -> null).client().trustAnyServer()).isTrue();
        assertThat(TlsProperties.read(key -> null, Map.of("tls.client.authServer", "true")::get).client()
                .trustAnyServer()).isFalse();
    }
}
