/**
 * The client's service-provider interface: what a container integration (the resource adapter in
 * {@code ra}) names beyond the application API in {@code dev.bolide.client.jms}. An adapter builds
 * {@link dev.bolide.client.spi.ConnectionSettings} from its own configuration, opens an
 * {@link dev.bolide.client.spi.AdapterConnection} whose one {@link dev.bolide.client.spi.AdapterSession}
 * its handles share, hands out contexts over its own connection handles
 * ({@link dev.bolide.client.spi.AdapterContexts}), and answers a producer group's check-backs
 * ({@link dev.bolide.client.spi.CheckBackMember}). Key choice: the SPI is interfaces and small
 * entry points over the client's classes, so that the adapter depends on no class of the
 * implementation and the implementation can change under it.
 */
package dev.bolide.client.spi;
