/**
 * The simplified API (JMSContext, JMSProducer, JMSConsumer) as a thin layer over the classic one:
 * each call delegates and turns a checked JMSException into its jakarta.jms runtime twin.
 */
package dev.bolide.client.jms.context;
