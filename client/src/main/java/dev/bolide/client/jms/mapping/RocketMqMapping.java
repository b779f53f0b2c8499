package dev.bolide.client.jms.mapping;

import dev.bolide.client.jms.message.BolideMessage;
import dev.bolide.client.jms.message.ForeignMessageCopy;
import dev.bolide.client.jms.message.ObjectAllowList;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Maps Jakarta Messaging messages to RocketMQ messages and back. This table is the whole mapping;
 * a native RocketMQ client reads and writes the same messages.
 *
 * <table border="1">
 * <caption>Jakarta Messaging ↔ RocketMQ</caption>
 * <tr><th>Jakarta Messaging</th><th>sent as (RocketMQ)</th><th>received from</th></tr>
 * <tr><td>JMSDestination</td><td>topic = queue or topic name; {@code JMS_DESTINATION} =
 *     {@code queue:NAME} or {@code topic:NAME}</td><td>{@code JMS_DESTINATION}; without it, the
 *     topic as a Topic</td></tr>
 * <tr><td>JMSType</td><td>{@code TAGS} (so tag expressions select on it)</td><td>{@code TAGS}</td></tr>
 * <tr><td>JMSMessageID</td><td>{@code UNIQ_KEY} = the id without its {@code ID:} prefix</td>
 *     <td>{@code "ID:" + UNIQ_KEY}; without it {@code "ID:" + msgId}</td></tr>
 * <tr><td>JMSTimestamp</td><td>born timestamp</td><td>born timestamp</td></tr>
 * <tr><td>JMSCorrelationID</td><td>{@code JMS_CORRELATION_ID}, and {@code KEYS} (so RocketMQ's
 *     query by key finds the replies of a request)</td><td>{@code JMS_CORRELATION_ID}</td></tr>
 * <tr><td>JMSCorrelationIDAsBytes</td><td>{@code JMS_CORRELATION_ID_BYTES}, base64</td>
 *     <td>{@code JMS_CORRELATION_ID_BYTES}</td></tr>
 * <tr><td>JMSPriority</td><td>{@code JMS_PRIORITY} (a header only: RocketMQ queues are FIFO)</td>
 *     <td>{@code JMS_PRIORITY}; absent: 4</td></tr>
 * <tr><td>JMSDeliveryMode</td><td>{@code JMS_DELIVERY_MODE} = {@code PERSISTENT} or
 *     {@code NON_PERSISTENT}; the latter also {@code WAIT=false} (no wait for the flush)</td>
 *     <td>{@code JMS_DELIVERY_MODE}; absent: PERSISTENT</td></tr>
 * <tr><td>JMSExpiration</td><td>{@code JMS_EXPIRATION}, epoch ms, only when not 0</td>
 *     <td>{@code JMS_EXPIRATION}; absent: 0 (never)</td></tr>
 * <tr><td>JMSDeliveryTime</td><td>{@code TIMER_DELIVER_MS} (the broker's durable timer) when
 *     later than JMSTimestamp</td><td>{@code TIMER_OUT_MS} (the time the broker's timer settled
 *     on, also for native {@code TIMER_DELAY_SEC}/{@code _MS}), else {@code TIMER_DELIVER_MS}, else
 *     the born timestamp</td></tr>
 * <tr><td>JMSReplyTo</td><td>{@code JMS_REPLY_TO} = {@code queue:NAME} or {@code topic:NAME}</td>
 *     <td>{@code JMS_REPLY_TO}</td></tr>
 * <tr><td>JMSRedelivered</td><td>not sent</td><td>reconsumeTimes &gt; 0</td></tr>
 * <tr><td>JMSXDeliveryCount</td><td>not sent</td><td>reconsumeTimes + 1</td></tr>
 * <tr><td>user properties (and JMSXGroupID, JMSXGroupSeq)</td><td>RocketMQ user properties of the
 *     same name, value {@code toString()}; {@code BOLIDE_JMS_TYPES} lists the non-String ones
 *     ({@link PropertyTypes}); {@code BOLIDE_JMS_EMPTY} lists empty Strings (RocketMQ drops empty
 *     values). Names RocketMQ reserves, and {@code JMS_}/{@code BOLIDE_} names, are refused when
 *     set; values holding the property separators U+0001/U+0002 are refused when sent</td>
 *     <td>every property that is not a RocketMQ system key nor {@code JMS_}/{@code BOLIDE_}:
 *     typed by {@code BOLIDE_JMS_TYPES}, else String</td></tr>
 * <tr><td>JMSXGroupID (also a user property, above)</td><td>the write queue: the one of the group id's
 *     hash, as RocketMQ's {@code SelectMessageQueueByHash} (its ordering key), so one group's
 *     messages keep their send order in one queue; such a send is not moved to another broker when
 *     it fails</td><td>—</td></tr>
 * <tr><td>message type</td><td>{@code BOLIDE_JMS_BODY} = {@code NONE}, {@code TEXT},
 *     {@code BYTES}, {@code MAP}, {@code STREAM} or {@code OBJECT}</td><td>{@code BOLIDE_JMS_BODY};
 *     absent or unknown: BytesMessage. A native producer that wants a TextMessage sets the user
 *     property {@code BOLIDE_JMS_BODY=TEXT}</td></tr>
 * <tr><td>TextMessage body</td><td>UTF-8; a null text: empty body and {@code BOLIDE_JMS_NULL_BODY=true}</td>
 *     <td>same</td></tr>
 * <tr><td>BytesMessage body</td><td>the bytes as they are</td><td>the body as it is</td></tr>
 * <tr><td>MapMessage, StreamMessage body</td><td>typed binary format, version 1
 *     ({@link dev.bolide.client.jms.message.TypedBodyCodec})</td><td>same; a malformed body
 *     fails with MessageFormatException</td></tr>
 * <tr><td>ObjectMessage body</td><td>Java serialization; a null object as for Text</td>
 *     <td>deserialized on read, only classes of the
 *     {@link dev.bolide.client.jms.message.ObjectAllowList}</td></tr>
 * <tr><td>Message (no body)</td><td>empty body</td><td>—</td></tr>
 * <tr><td>the sending connection (for noLocal)</td><td>{@code BOLIDE_JMS_CONNECTION}, set by the
 *     producer after mapping</td><td>read by consumers, not shown as a property</td></tr>
 * <tr><td>—</td><td>flag 0</td><td>flag ignored</td></tr>
 * </table>
 */
public final class RocketMqMapping {
    private final IncomingMapping incoming;

    public RocketMqMapping() {
        this(ObjectAllowList.DEFAULT);
    }

    /** @param allowList the classes ObjectMessages received through this mapping may hold */
    public RocketMqMapping(ObjectAllowList allowList) {
        this.incoming = new IncomingMapping(allowList);
    }

    /**
     * The RocketMQ message to send for a message whose headers the producer has set; a message of
     * another provider is copied first.
     */
    public OutgoingRecord toRocketMq(Message message) throws JMSException {
        return OutgoingMapping.map(ForeignMessageCopy.of(message));
    }

    /** The received, read-only Jakarta Messaging view of a RocketMQ message. */
    public BolideMessage toJms(ReceivedRecord record) throws JMSException {
        return incoming.map(record);
    }
}
