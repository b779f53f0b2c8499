package dev.bolide.broker.send;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;

/**
 * The custom header of a send request. SEND_MESSAGE uses field names, SEND_MESSAGE_V2 and
 * SEND_BATCH_MESSAGE the one-letter names {@code a}..{@code n}; both read into this one record.
 */
record SendRequestHeader(String producerGroup, String topic, String defaultTopic, int defaultTopicQueueNums,
        int queueId, int sysFlag, long bornTimestamp, int flag, String properties, int reconsumeTimes, boolean batch,
        int maxReconsumeTimes) {
    /** {@link #maxReconsumeTimes} when the client sent none (it sends one only for retry topics). */
    static final int NO_MAX_RECONSUME_TIMES = -1;


    /** @throws IllegalArgumentException naming the field that is missing or not a number */
    static SendRequestHeader of(RemotingCommand request) {
        boolean shortNames = request.code() != RequestCode.SEND_MESSAGE;
        Fields fields = new Fields(request, shortNames);
        return new SendRequestHeader(
                fields.required("a", "producerGroup"),
                fields.required("b", "topic"),
                fields.required("c", "defaultTopic"),
                fields.integer("d", "defaultTopicQueueNums", null),
                fields.integer("e", "queueId", null),
                fields.integer("f", "sysFlag", null),
                Long.parseLong(fields.required("g", "bornTimestamp")),
                fields.integer("h", "flag", null),
                fields.optional("i", "properties", ""),
                fields.integer("j", "reconsumeTimes", "0"),
                Boolean.parseBoolean(fields.optional("m", "batch", "false")) || request.code() == RequestCode.SEND_BATCH_MESSAGE,
                fields.integer("l", "maxReconsumeTimes", Integer.toString(NO_MAX_RECONSUME_TIMES)));
    }

    /** Reads a field under its short or long name. */
    private record Fields(RemotingCommand request, boolean shortNames) {
        String optional(String shortName, String longName, String fallback) {
            String value = request.field(shortNames ? shortName : longName);
            return value == null ? fallback : value;
        }

        String required(String shortName, String longName) {
            String value = optional(shortName, longName, null);
            if (value == null) {
                throw new IllegalArgumentException("send request without " + longName);
            }
            return value;
        }

        int integer(String shortName, String longName, String fallback) {
            String value = fallback == null ? required(shortName, longName) : optional(shortName, longName, fallback);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("send request field " + longName + " is not a number: " + value);
            }
        }
    }
}
