package dev.bolide.ra;

/**
 * The message-driven beans of the Payara suite, unchanged, in WildFly (profile wildfly, the server
 * configured by src/main/wildfly/bolide-ra.cli): queue, durable topic subscription, two beans
 * sharing one subscription, selector,
 * redelivery with a growing delivery count and then the dead-letter queue, container-transacted
 * redelivery, the orderly listener type and the check-back listener type. WildFly binds the beans to the adapter by the
 * archive's jboss-ejb3.xml and ignores their {@code resourceAdapter} activation property (WFLYEJB0006).
 */
class MessageDrivenBeansOnWildFlyIT extends MessageDrivenBeansOnPayaraIT {
}
