/**
 * Inbound delivery to message-driven beans ({@code jakarta.jms.MessageListener}): the activation
 * spec and its checked settings, one activation per endpoint (a Bolide connection with
 * {@code sessions} sessions, one consumer each) and the delivery work that receives on a session and
 * calls the endpoint, on the server's WorkManager; XA sessions for container-transacted endpoints,
 * whose receive belongs to the container's transaction. Key choice: delivery goes through the
 * Jakarta Messaging client's consumers, so acknowledgement, redelivery counting and the dead-letter
 * queue are the client's, the same as for any application.
 */
package dev.bolide.ra.inbound;
