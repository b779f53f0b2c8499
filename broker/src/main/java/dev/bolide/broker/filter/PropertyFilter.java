package dev.bolide.broker.filter;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.selector.Selector;
import dev.bolide.store.MessageFilter;
import java.nio.ByteBuffer;

/**
 * An SQL92 subscription: every ConsumeQueue unit passes the cheap stage (the tag hash says nothing
 * about properties), and each record is decoded and its properties evaluated.
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
        String properties = new MessageRecordView().wrap(record, record.position()).properties();
        return selector.matches(MessageProperties.decode(properties));
    }
}
