package dev.bolide.broker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.BolideBroker;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RemotingFrameCodec;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import dev.bolide.remoting.FrameClient;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real send and pull frames, mutated at random and thrown at a running broker, each on its own
 * connection: whatever the broker does with them, a well-behaved client keeps being served and
 * the broker keeps storing.
 */
@ExtendWith(NoThreadLeaks.class)
class LiveFrameFuzzTest {
    private static final int ROUNDS = 300;

    @TempDir
    Path dir;

    @Test
    void mutatedFramesNeverStopTheBrokerServingOthers() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (BolideBroker broker = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a").build());
                FrameClient good = new FrameClient(broker.port())) {
            byte[][] valid = {frame(send(1)), frame(pull(2))};
            for (int round = 0; round < ROUNDS; round++) {
                throwAt(broker.port(), mutate(valid[random.nextInt(valid.length)], random));
                if (round % 50 == 0) {
                    good.send(send(1000 + round));
                    assertThat(good.receive().code()).as("seed %d, round %d", seed, round)
                            .isEqualTo(ResponseCode.SUCCESS);
                }
            }
            good.send(send(9999));
            assertThat(good.receive().code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    private static void throwAt(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }
    }

    private static RemotingCommand send(int opaque) {
        Map<String, String> fields = new HashMap<>();
        fields.put("a", "PG");
        fields.put("b", "Fuzz");
        fields.put("c", "TBW102");
        fields.put("d", "4");
        fields.put("e", "0");
        fields.put("f", "0");
        fields.put("g", "1700000000000");
        fields.put("h", "0");
        fields.put("i", "TAGS\u0001T\u0002WAIT\u0001true");
        return new RemotingCommand(RequestCode.SEND_MESSAGE_V2, LanguageCode.JAVA, 409, opaque, 0, null, fields,
                "payload".getBytes(StandardCharsets.UTF_8), SerializeType.JSON);
    }

    private static RemotingCommand pull(int opaque) {
        Map<String, String> fields = new HashMap<>();
        fields.put("consumerGroup", "CG");
        fields.put("topic", "Fuzz");
        fields.put("queueId", "0");
        fields.put("queueOffset", "0");
        fields.put("maxMsgNums", "32");
        fields.put("sysFlag", "4");
        fields.put("commitOffset", "0");
        fields.put("suspendTimeoutMillis", "1000");
        fields.put("subscription", "*");
        fields.put("subVersion", "0");
        return new RemotingCommand(RequestCode.PULL_MESSAGE, LanguageCode.JAVA, 409, opaque, 0, null, fields, null,
                SerializeType.ROCKETMQ);
    }

    private static byte[] frame(RemotingCommand command) {
        return RemotingFrameCodec.encode(command).array();
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return random.nextInt(5) == 0 ? java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)) : bytes;
    }
}
