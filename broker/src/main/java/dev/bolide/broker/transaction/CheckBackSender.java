package dev.bolide.broker.transaction;

import dev.bolide.broker.client.ClientConnection;
import dev.bolide.broker.client.ProducerGroups;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.SerializeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks a producer of the transaction's group for its state: CHECK_TRANSACTION_STATE, oneway, to
 * one live connection of the group (round robin over them), with the half record in the body. The
 * producer answers, later, with an END_TRANSACTION of its own.
 */
final class CheckBackSender {
    private static final System.Logger LOG = System.getLogger(CheckBackSender.class.getName());

    private final ProducerGroups producers;
    private final AtomicInteger opaques = new AtomicInteger();
    private final AtomicInteger turn = new AtomicInteger();

    CheckBackSender(ProducerGroups producers) {
        this.producers = producers;
    }

    /** @return whether a producer of the group was connected to ask */
    boolean send(HalfRecord half) {
        String group = half.producerGroup();
        List<ClientConnection> live = group == null ? List.of()
                : producers.members(group).stream().filter(member -> member.channel().isActive()).toList();
        if (live.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "no producer of group {0} is connected to check back {1}", group, half);
            return false;
        }
        ClientConnection producer = live.get(Math.floorMod(turn.getAndIncrement(), live.size()));
        producer.channel().writeAndFlush(request(half)).addListener(done -> {
            if (!done.isSuccess()) {
                LOG.log(System.Logger.Level.DEBUG, "cannot check back {0} with {1}", half, producer.clientId());
            }
        });
        return true;
    }

    private RemotingCommand request(HalfRecord half) {
        Map<String, String> header = new HashMap<>();
        header.put("tranStateTableOffset", Long.toString(half.queueOffset()));
        header.put("commitLogOffset", Long.toString(half.physicalOffset()));
        header.put("offsetMsgId", half.offsetMessageId());
        if (half.uniqueKey() != null) {
            header.put("msgId", half.uniqueKey());
            header.put("transactionId", half.uniqueKey());
        }
        return new RemotingCommand(RequestCode.CHECK_TRANSACTION_STATE, LanguageCode.JAVA,
                RemotingCommand.BOLIDE_VERSION, opaques.incrementAndGet(), RemotingCommand.ONEWAY_FLAG, null, header,
                half.checkBackBody(), SerializeType.JSON);
    }
}
