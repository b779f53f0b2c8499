package dev.bolide.tck.ondisk;

/**
 * A sample message as the broker acknowledged it: where it went and the two ids the client got,
 * the unique id the producer made ({@code UNIQ_KEY}) and the offset message id (store host and
 * CommitLog offset) the broker made. One line of a fixture's manifest.
 */
record SentMessage(SampleMessage content, int queueId, long queueOffset, String uniqueId, String offsetMsgId) {

    /** Where the broker stored it: the last 8 bytes of the offset message id, as RocketMQ lays it out. */
    long commitLogOffset() {
        return Long.parseUnsignedLong(offsetMsgId.substring(offsetMsgId.length() - 16), 16);
    }

    /** The manifest line: topic, index, queue, queue offset, both ids, separated by spaces. */
    String toLine() {
        return String.join(" ", content.topic(), Integer.toString(content.index()), Integer.toString(queueId),
                Long.toString(queueOffset), uniqueId, offsetMsgId);
    }

    /** @param bodyBytes the body size the generator used, which the line does not repeat */
    static SentMessage parse(String line, int bodyBytes) {
        String[] fields = line.split(" ");
        return new SentMessage(SampleMessage.of(fields[0], Integer.parseInt(fields[1]), bodyBytes),
                Integer.parseInt(fields[2]), Long.parseLong(fields[3]), fields[4], fields[5]);
    }
}
