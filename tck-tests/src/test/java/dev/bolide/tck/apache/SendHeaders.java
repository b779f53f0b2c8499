package dev.bolide.tck.apache;

import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;

/** The header of a plain SEND_MESSAGE, as a 4.9 producer fills it, for requests sent past the routes. */
final class SendHeaders {
    private SendHeaders() {
    }

    /** A send of one message to queue 0 of {@code topic} by producer group {@code producerGroup}. */
    static SendMessageRequestHeader toQueueZero(String producerGroup, String topic) {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup(producerGroup);
        header.setTopic(topic);
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(0);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setProperties("");
        header.setReconsumeTimes(0);
        header.setUnitMode(false);
        header.setBatch(false);
        return header;
    }
}
