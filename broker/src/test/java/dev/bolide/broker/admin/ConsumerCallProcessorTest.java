package dev.bolide.broker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.fixture.LiveConsumers;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingServer;
import dev.bolide.store.MessageStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What mqadmin hears when the consumer it names cannot be asked; forwarding itself runs in tck-tests. */
class ConsumerCallProcessorTest {
    @TempDir
    Path dir;
    private MessageStore store;
    private final ConsumerGroups groups = new ConsumerGroups();
    private ConsumerCallProcessor processor;

    @BeforeEach
    void start() throws Exception {
        store = Loopback.openStore(dir);
        processor = new ConsumerCallProcessor(groups, store, new RemotingServer(new InetSocketAddress(0)), "broker-a");
        LiveConsumers.join(groups, "CG", "client-1", "T");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    private RemotingCommand call(int code, Map<String, String> fields) throws Exception {
        return processor.process(null, RemotingCommand.request(code, 1, fields, null)).get();
    }

    @Test
    void aClientThatIsNotAMemberOfTheGroupIsNotOnline() throws Exception {
        RemotingCommand response = call(RequestCode.GET_CONSUMER_RUNNING_INFO,
                Map.of("consumerGroup", "CG", "clientId", "client-2"));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("The Consumer <CG> <client-2> not online");
    }

    @Test
    void aMessageThisBrokerDoesNotHoldIsNamedInTheError() throws Exception {
        String missing = MessageId.offsetMessageId(new InetSocketAddress("127.0.0.1", 10911), 4096);

        RemotingCommand response = call(RequestCode.CONSUME_MESSAGE_DIRECTLY,
                Map.of("consumerGroup", "CG", "clientId", "client-1", "msgId", missing));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("no message " + missing + " on broker broker-a");
    }
}
