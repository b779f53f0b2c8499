package dev.bolide.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.admin.AdministeredQueue;
import dev.bolide.ra.admin.AdministeredTopic;
import dev.bolide.ra.outbound.BolideManagedConnectionFactory;
import dev.bolide.ra.outbound.ContainerConnectionFactory;
import jakarta.resource.spi.InvalidPropertyException;
import java.util.Map;
import java.util.function.Consumer;
import javax.naming.NameNotFoundException;
import org.junit.jupiter.api.Test;

/** Activation properties: defaults, what they become, and each bad value failing with its property named. */
class ActivationSettingsTest {
    private static final Lookup NAMING = name -> {
        Object bound = Map.of("java:app/jms/Orders", queue("Orders"), "java:app/jms/Prices", topic("Prices"),
                "java:app/jms/Factory", new BolideConnectionFactory("10.0.0.1:9876"), "java:app/Other", "a string",
                "java:app/jms/Pooled", containerFactory("10.0.0.2:9876"), "java:app/jms/Unresolved", containerFactory(null))
                .get(name);
        if (bound == null) {
            throw new NameNotFoundException(name);
        }
        return bound;
    };

    /** The adapter's own factory, as the server binds it, with the connection definition's {@code nameServers}. */
    private static ContainerConnectionFactory containerFactory(String nameServers) {
        BolideManagedConnectionFactory managed = new BolideManagedConnectionFactory();
        managed.setNameServers(nameServers);
        return (ContainerConnectionFactory) managed.createConnectionFactory();
    }

    private static AdministeredQueue queue(String name) {
        AdministeredQueue queue = new AdministeredQueue();
        queue.setName(name);
        return queue;
    }

    private static AdministeredTopic topic(String name) {
        AdministeredTopic topic = new AdministeredTopic();
        topic.setName(name);
        return topic;
    }

    private static BolideActivationSpec spec(Consumer<BolideActivationSpec> properties) {
        BolideActivationSpec spec = new BolideActivationSpec();
        spec.setDestination("Orders");
        properties.accept(spec);
        return spec;
    }

    private static ActivationSettings check(Consumer<BolideActivationSpec> properties) throws Exception {
        return ActivationSettings.check(spec(properties), NAMING);
    }

    private static void assertRefused(String property, Consumer<BolideActivationSpec> properties) {
        assertThatThrownBy(() -> check(properties)).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("property " + property + " = ");
    }

    @Test
    void aDestinationAloneIsAQueueWithTheDefaults() throws Exception {
        ActivationSettings settings = check(spec -> { });

        assertThat(settings).isEqualTo(new ActivationSettings("Orders", false, null, false, false, null, null,
                ActivationSettings.DEFAULT_MAX_SESSION, false, 16, null));
    }

    @Test
    void aLookedUpTopicGivesItsNameAndType() throws Exception {
        ActivationSettings settings = check(spec -> spec.setDestinationLookup("java:app/jms/Prices"));

        assertThat(settings.destination()).isEqualTo("Prices");
        assertThat(settings.topic()).isTrue();
    }

    @Test
    void aTagExpressionBecomesASelectorOnJmsType() throws Exception {
        ActivationSettings settings = check(spec -> {
            spec.setTagExpression("Paid || Shipped");
            spec.setMessageSelector("amount > 10");
        });

        assertThat(settings.selector()).isEqualTo("(JMSType IN ('Paid', 'Shipped')) AND (amount > 10)");
    }

    @Test
    void theStarTagExpressionSelectsEverything() throws Exception {
        assertThat(check(spec -> spec.setTagExpression("*")).selector()).isNull();
    }

    @Test
    void anOrderlyQueueIsDeliveredOnOneSession() throws Exception {
        ActivationSettings settings = check(spec -> {
            spec.setConsumeOrderly(true);
            spec.setMaxSession(5);
        });

        assertThat(settings.sessions()).isEqualTo(1);
    }

    @Test
    void aSharedDurableSubscriptionIsDeliveredOnMaxSessionSessions() throws Exception {
        ActivationSettings settings = check(spec -> {
            spec.setDestinationType(ActivationSettings.TOPIC_TYPE);
            spec.setSubscriptionDurability("Durable");
            spec.setShareSubscriptions(true);
            spec.setSubscriptionName("audit");
            spec.setMaxSession(3);
        });

        assertThat(settings.sessions()).isEqualTo(3);
        assertThat(settings.durable()).isTrue();
    }

    @Test
    void anUnsharedTopicSubscriptionIsDeliveredOnOneSession() throws Exception {
        ActivationSettings settings = check(spec -> {
            spec.setDestinationType(ActivationSettings.TOPIC_TYPE);
            spec.setMaxSession(3);
        });

        assertThat(settings.sessions()).isEqualTo(1);
    }

    @Test
    void aLookedUpBolideFactoryGivesTheNameServers() throws Exception {
        assertThat(check(spec -> spec.setConnectionFactoryLookup("java:app/jms/Factory")).nameServers())
                .isEqualTo("10.0.0.1:9876");
    }

    @Test
    void aLookedUpAdapterFactoryGivesItsNameServers() throws Exception {
        assertThat(check(spec -> spec.setConnectionFactoryLookup("java:app/jms/Pooled")).nameServers())
                .isEqualTo("10.0.0.2:9876");
    }

    @Test
    void aLookedUpAdapterFactoryWithoutNameServersGivesTheAdapters() throws Exception {
        BolideResourceAdapter adapter = new BolideResourceAdapter();
        adapter.setMode("REMOTE");
        adapter.setNamesrvAddr("10.0.0.3:9876");
        adapter.start(null);
        BolideManagedConnectionFactory managed = new BolideManagedConnectionFactory();
        managed.setResourceAdapter(adapter);
        Lookup naming = name -> managed.createConnectionFactory();

        BolideActivationSpec spec = spec(properties -> properties.setConnectionFactoryLookup("java:app/jms/Default"));
        assertThat(ActivationSettings.check(spec, naming).nameServers()).isEqualTo("10.0.0.3:9876");
        adapter.stop();
    }

    @Test
    void anAdapterFactoryWithoutNameServersOrAdapterIsRefused() {
        assertRefused("connectionFactoryLookup", spec -> spec.setConnectionFactoryLookup("java:app/jms/Unresolved"));
    }

    @Test
    void validateLeavesLookupsForActivation() throws Exception {
        spec(spec -> spec.setDestinationLookup("java:app/jms/NotBoundYet")).validate();
    }

    @Test
    void noDestinationIsRefused() {
        assertRefused("destination", spec -> spec.setDestination(" "));
    }

    @Test
    void anUnboundDestinationLookupIsRefused() {
        assertRefused("destinationLookup", spec -> spec.setDestinationLookup("java:app/jms/Missing"));
    }

    @Test
    void aDestinationLookupOfSomethingElseIsRefused() {
        assertRefused("destinationLookup", spec -> spec.setDestinationLookup("java:app/Other"));
    }

    @Test
    void anUnknownDestinationTypeIsRefused() {
        assertRefused("destinationType", spec -> spec.setDestinationType("jakarta.jms.Mailbox"));
    }

    @Test
    void aDestinationTypeContradictingTheLookupIsRefused() {
        assertRefused("destinationType", spec -> {
            spec.setDestinationLookup("java:app/jms/Orders");
            spec.setDestinationType(ActivationSettings.TOPIC_TYPE);
        });
    }

    @Test
    void anInvalidSelectorIsRefused() {
        assertRefused("messageSelector", spec -> spec.setMessageSelector("amount >"));
    }

    @Test
    void anUnknownAcknowledgeModeIsRefused() {
        assertRefused("acknowledgeMode", spec -> spec.setAcknowledgeMode("Client-acknowledge"));
    }

    @Test
    void anUnknownSubscriptionDurabilityIsRefused() {
        assertRefused("subscriptionDurability", spec -> {
            spec.setDestinationType(ActivationSettings.TOPIC_TYPE);
            spec.setSubscriptionDurability("Forever");
        });
    }

    @Test
    void aDurableSubscriptionWithoutNameIsRefused() {
        assertRefused("subscriptionName", spec -> {
            spec.setDestinationType(ActivationSettings.TOPIC_TYPE);
            spec.setSubscriptionDurability("Durable");
            spec.setClientId("shop");
        });
    }

    @Test
    void anUnsharedDurableSubscriptionWithoutClientIdIsRefused() {
        assertRefused("clientId", spec -> {
            spec.setDestinationType(ActivationSettings.TOPIC_TYPE);
            spec.setSubscriptionDurability("Durable");
            spec.setSubscriptionName("audit");
        });
    }

    @Test
    void aConnectionFactoryLookupOfAnotherProvidersFactoryIsRefused() {
        assertRefused("connectionFactoryLookup", spec -> spec.setConnectionFactoryLookup("java:app/Other"));
    }

    @Test
    void aMaxSessionBelowOneIsRefused() {
        assertRefused("maxSession", spec -> spec.setMaxSession(0));
    }

    @Test
    void aNegativeMaxRedeliveriesIsRefused() {
        assertRefused("maxRedeliveries", spec -> spec.setMaxRedeliveries(-1));
    }

    @Test
    void anUnknownConsumeFromWhereIsRefused() {
        assertRefused("consumeFromWhere", spec -> spec.setConsumeFromWhere("CONSUME_FROM_MIDDLE"));
    }

    @Test
    void aConsumeFromWhereTheQueueCannotHonourIsRefused() {
        assertRefused("consumeFromWhere", spec -> spec.setConsumeFromWhere("CONSUME_FROM_TIMESTAMP"));
    }

    @Test
    void aMalformedTagExpressionIsRefused() {
        assertRefused("tagExpression", spec -> spec.setTagExpression("Paid || "));
    }

    @Test
    void aMalformedNameServerOverrideIsRefused() {
        assertRefused("namesrvAddr", spec -> spec.setNamesrvAddr("localhost"));
    }
}
