package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionTest extends JmsTestBase {
    @Test
    void theUriFormSetsEverySetting() {
        BolideConnectionFactory factory = new BolideConnectionFactory(
                "bolide://h1:9876;h2:9877?clientId=app&requestTimeout=1500&maxRedeliveries=5");

        assertThat(factory.getNameServers()).isEqualTo("h1:9876;h2:9877");
        assertThat(factory.getClientId()).isEqualTo("app");
        assertThat(factory.getRequestTimeout()).isEqualTo(1500);
        assertThat(factory.getMaxRedeliveries()).isEqualTo(5);
    }

    @Test
    void theUriFormSetsTheTlsSettings() {
        BolideConnectionFactory factory = new BolideConnectionFactory(
                "bolide://h1:9876?useTLS=true&tlsTrustCertPath=/etc/bolide/ca.pem");

        assertThat(factory.isUseTLS()).isTrue();
        assertThat(factory.getTlsTrustCertPath()).isEqualTo("/etc/bolide/ca.pem");
        assertThat(factory.isTlsTrustAnyServer()).isFalse();
        assertThatThrownBy(() -> new BolideConnectionFactory("bolide://h1:9876?useTLS=yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("useTLS must be true or false");
    }

    @Test
    void aTlsFactoryWhoseTrustFileIsMissingFailsOnConnectNamingTheFile() {
        BolideConnectionFactory factory = factory();
        factory.setUseTLS(true);
        factory.setTlsTrustCertPath("/no/such/ca.pem");

        assertThatThrownBy(factory::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("tls.client.trustCertPath = /no/such/ca.pem: no such file");
    }

    @Test
    void aSerializedFactoryConnectsLikeTheOriginal() throws Exception {
        BolideConnectionFactory original = factory();
        original.setMaxRedeliveries(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }

        BolideConnectionFactory copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (BolideConnectionFactory) in.readObject();
        }

        assertThat(copy.getMaxRedeliveries()).isEqualTo(3);
        assertThat(closedAfterTest(copy.createConnection()).getMetaData().getJMSProviderName()).isEqualTo("Bolide");
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new BolideConnectionFactory("bolide://h1:9876?maxRedeliveries=lots"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRedeliveries");
        assertThatThrownBy(() -> new BolideConnectionFactory("h1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
        Properties misspelt = new Properties();
        misspelt.setProperty("nameServers", "h1:9876");
        misspelt.setProperty("clientID", "x");
        assertThatThrownBy(() -> new BolideConnectionFactory(misspelt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientID");
    }

    @Test
    void aBeanConfiguredWithBadValuesFailsOnConnect() {
        BolideConnectionFactory factory = new BolideConnectionFactory();
        factory.setNameServers(broker.nameServer());
        factory.setRequestTimeout(0);

        assertThatThrownBy(factory::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void theClientIdCanBeSetOnlyBeforeTheConnectionIsUsed() throws Exception {
        Connection connection = closedAfterTest(factory().createConnection());
        connection.createSession();

        assertThatThrownBy(() -> connection.setClientID("late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClientIdHeldByAnotherLiveConnectionIsRefused() throws Exception {
        Connection first = closedAfterTest(factory().createConnection());
        first.setClientID("unique-app");
        Connection second = closedAfterTest(factory().createConnection());

        assertThatThrownBy(() -> second.setClientID("unique-app")).isInstanceOf(InvalidClientIDException.class);
        first.close();
        second.setClientID("unique-app");
        assertThat(second.getClientID()).isEqualTo("unique-app");
    }

    @Test
    void theMetaDataNamesJakartaMessaging31AndBolide() throws Exception {
        ConnectionMetaData metaData = connection().getMetaData();

        assertThat(metaData.getJMSVersion()).isEqualTo("3.1");
        assertThat(metaData.getJMSProviderName()).isEqualTo("Bolide");
        assertThat(Collections.list(metaData.getJMSXPropertyNames()))
                .contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
    }

    @Test
    void destinationNamesFollowRocketMqTopicRules() throws Exception {
        var session = connection().createSession();

        assertThatThrownBy(() -> session.createQueue("has space")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createTopic("x".repeat(128))).isInstanceOf(InvalidDestinationException.class);
    }
}
