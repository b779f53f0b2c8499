package dev.bolide.broker.filter;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.selector.Selector;
import dev.bolide.store.MessageFilter;
import java.nio.ByteBuffer;

/**
 * An SQL92 or JMS subscription: every ConsumeQueue unit passes the cheap stage (the tag hash says
 * nothing about properties), and each record is decoded and its properties (and, for JMS, its born
 * timestamp, which is JMSTimestamp) evaluated.
 */
final class PropertyFilter implements MessageFilter {
    private final Selector selector;

    PropertyFilter(Selector selector) {
        this.selector = selector;
    }

    @Override
    public boolean matchesTagsCode(long tagsCode) {
        return true;
    }

    @Override
    public boolean matchesRecord(ByteBuffer record) {
        MessageRecordView view = new MessageRecordView().wrap(record, record.position());
        return selector.matches(MessageProperties.decode(view.properties()), view.bornTimestamp());
    }
}
