package dev.bolide.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated real frames: decoding either yields a command or throws {@link MalformedFrameException};
 * nothing else escapes (no runaway allocation, no other exception type).
 */
class RemotingFrameFuzzTest {
    private static final int ROUNDS = 20_000;

    @Test
    void mutatedFramesDecodeOrFailCleanly() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int malformed = 0;
        for (SerializeType type : SerializeType.values()) {
            byte[] valid = validFrame(type);
            for (int round = 0; round < ROUNDS; round++) {
                byte[] mutated = mutate(valid, random);
                try {
                    RemotingFrameCodec.decode(ByteBuffer.wrap(mutated));
                } catch (MalformedFrameException e) {
                    malformed++;
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": " + type + " frame mutated to "
                            + java.util.HexFormat.of().formatHex(mutated) + " escaped with " + e, e);
                }
            }
        }
        assertThat(malformed).as("some mutations must be detected").isPositive();
    }

    private static byte[] validFrame(SerializeType type) {
        RemotingCommand command = new RemotingCommand(310, LanguageCode.JAVA, 409, 5, 0, "remark",
                RemotingFrameCodecTest.sendV2Fields(), new byte[] {1, 2, 3}, type);
        ByteBuffer frame = RemotingFrameCodec.encode(command);
        frame.getInt();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        if (random.nextInt(4) == 0) {
            return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        return bytes;
    }
}
