package dev.bolide.broker.remoting;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.SerializeType;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import dev.bolide.store.StoreConfig;
import dev.bolide.store.TagsCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test's broker over loopback: a real {@link RemotingServer} with the processors under test and a
 * {@link FrameClient} connected to it. Also opens the small stores these tests run on.
 */
public final class Loopback implements AutoCloseable {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final RemotingServer server;
    private final FrameClient client;
    private int opaque;

    private Loopback(Map<Integer, RequestProcessor> processors) throws IOException, InterruptedException {
        server = new RemotingServer(new InetSocketAddress("127.0.0.1", 0));
        processors.forEach((code, processor) -> server.register(code, processor, executor));
        server.start();
        client = new FrameClient(server.port());
    }

    /** Starts a server with {@code processors} by request code, and connects a client to it. */
    public static Loopback start(Map<Integer, RequestProcessor> processors) throws IOException, InterruptedException {
        return new Loopback(processors);
    }

    /** A store with 1 MiB segments, small index files and 64 KiB messages, in {@code dir/store}. */
    public static MessageStore openStore(Path dir) throws IOException {
        return openStore(dir, TagsCode.OF_TAGS);
    }

    /** {@link #openStore(Path)}, with the ConsumeQueue tags codes a broker feature needs. */
    public static MessageStore openStore(Path dir, TagsCode tagsCodes) throws IOException {
        return MessageStore.open(storeConfig(dir), tagsCodes);
    }

    /** The configuration of the small store {@link #openStore} opens. */
    public static StoreConfig storeConfig(Path dir) {
        return StoreConfig.builder(dir.resolve("store")).mappedFileSizeCommitLog(1 << 20)
                .maxHashSlotNum(1024).maxIndexNum(4096).maxMessageSize(64 * 1024).build();
    }

    /** Every record a queue of {@code store} holds now, each a view of its own copy. */
    public static List<MessageRecordView> records(MessageStore store, String topic, int queueId) {
        List<MessageRecordView> records = new ArrayList<>();
        long offset = store.minOffset(topic, queueId);
        while (offset < store.maxOffset(topic, queueId)) {
            try (GetMessageResult read = store.getMessages(topic, queueId, offset, 32, MessageFilter.ALL)) {
                for (ByteBuffer record : read.messages()) {
                    ByteBuffer copy = ByteBuffer.allocate(record.remaining()).put(record.duplicate()).flip();
                    records.add(new MessageRecordView().wrap(copy, 0));
                }
                offset = read.nextBeginOffset();
            }
        }
        return records;
    }

    public FrameClient client() {
        return client;
    }

    /** Sends a JSON request and returns the next frame received. */
    public RemotingCommand call(int code, Map<String, String> fields, byte[] body) throws IOException {
        send(code, fields, body);
        return client.receive();
    }

    /** Sends a JSON request without waiting for an answer. */
    public void send(int code, Map<String, String> fields, byte[] body) throws IOException {
        client.send(new RemotingCommand(code, LanguageCode.JAVA, 409, ++opaque, 0, null, fields, body,
                SerializeType.JSON));
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
        executor.shutdownNow();
    }
}
