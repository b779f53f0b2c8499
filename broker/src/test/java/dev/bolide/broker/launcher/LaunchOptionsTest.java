package dev.bolide.broker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.launcher.LaunchOptions.Printing;
import dev.bolide.broker.launcher.LaunchOptions.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RocketMQ's mqbroker and mqnamesrv options, and what -p and -m print. */
class LaunchOptionsTest {
    @TempDir
    Path dir;

    private Path conf(String text) throws Exception {
        return Files.writeString(dir.resolve("broker.conf"), text);
    }

    @Test
    void dashNNamesTheNameServersAndTurnsTheEmbeddedOneOff() throws Exception {
        Path conf = conf("brokerName = broker-b\nnamesrvAddr = 10.0.0.1:9876\n");

        LaunchOptions options = LaunchOptions.parse(Server.BROKER, "-n", "127.0.0.1:9877", "-c", conf.toString());

        assertThat(options.properties()).containsEntry("namesrvAddr", "127.0.0.1:9877")
                .containsEntry("namesrvListenPort", "-1").containsEntry("brokerName", "broker-b");
    }

    @Test
    void aNamesrvListenPortOfTheFileKeepsTheEmbeddedNameServerWithDashN() throws Exception {
        Path conf = conf("namesrvListenPort = 9878\n");

        LaunchOptions options = LaunchOptions.parse(Server.BROKER, "--namesrvAddr", "127.0.0.1:9877",
                "--configFile", conf.toString());

        assertThat(options.properties()).containsEntry("namesrvListenPort", "9878");
    }

    @Test
    void aBrokerWithoutNameServersTakesThoseOfTheEnvironmentAsRocketMqDoes() throws Exception {
        LaunchOptions options = LaunchOptions.parse(Server.BROKER);

        assertThat(options.properties("10.0.0.7:9876")).containsEntry("namesrvAddr", "10.0.0.7:9876")
                .containsEntry("namesrvListenPort", "-1");
    }

    @Test
    void theFileAndDashNWinOverTheEnvironment() throws Exception {
        Path conf = conf("namesrvAddr = 10.0.0.1:9876\n");

        assertThat(LaunchOptions.parse(Server.BROKER, "-c", conf.toString()).properties("10.0.0.7:9876"))
                .containsEntry("namesrvAddr", "10.0.0.1:9876").doesNotContainKey("namesrvListenPort");
        assertThat(LaunchOptions.parse(Server.BROKER, "-n", "127.0.0.1:9877").properties("10.0.0.7:9876"))
                .containsEntry("namesrvAddr", "127.0.0.1:9877");
    }

    @Test
    void aNameServerIgnoresTheEnvironmentsNameServers() throws Exception {
        assertThat(LaunchOptions.parse(Server.NAME_SERVER).properties("10.0.0.7:9876")).isEmpty();
    }

    @Test
    void withoutOptionsThereAreNoKeysAndNothingToPrint() throws Exception {
        LaunchOptions options = LaunchOptions.parse(Server.BROKER);

        assertThat(options.properties(null)).isEmpty();
        assertThat(options.printing()).isEqualTo(Printing.NONE);
    }

    @Test
    void dashPPrintsEverythingAndDashMTheImportantSettings() throws Exception {
        assertThat(LaunchOptions.parse(Server.BROKER, "-p").printing()).isEqualTo(Printing.ALL);
        assertThat(LaunchOptions.parse(Server.BROKER, "-m").printing()).isEqualTo(Printing.IMPORTANT);
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        LaunchOptions options = LaunchOptions.parse(Server.NAME_SERVER, "-c", dir.resolve("none.conf").toString());

        assertThatThrownBy(options::properties).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("none.conf");
    }

    @Test
    void unknownOptionsStrayArgumentsAndBrokerOptionsOfANameServerAreRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(Server.BROKER, "-x")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> LaunchOptions.parse(Server.BROKER, "broker.conf"))
                .isInstanceOf(ParseException.class).hasMessageContaining("broker.conf");
        assertThatThrownBy(() -> LaunchOptions.parse(Server.NAME_SERVER, "-n", "127.0.0.1:9876"))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void theImportantListingHoldsOnlyImportantKeysInKeyOrder() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ConfigListing.print(Map.of("listenPort", "10911", "maxIndexNum", "4096", "brokerName", "broker-a"),
                Printing.IMPORTANT, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("brokerName=broker-a\nlistenPort=10911\n");
    }
}
