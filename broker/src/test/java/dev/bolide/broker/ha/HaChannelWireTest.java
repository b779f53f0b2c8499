package dev.bolide.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.BolideBroker;
import dev.bolide.broker.config.BrokerRole;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A master's HA port as a RocketMQ 4.9 slave sees it on the wire: raw 8-byte reports, 12-byte frame headers. */
@ExtendWith(NoThreadLeaks.class)
class HaChannelWireTest {
    @TempDir
    Path dir;

    private BolideBroker startMaster() throws Exception {
        return BolideBroker.start(LoopbackBroker.settings(dir, "master").set(Settings.BROKER_ROLE, BrokerRole.SYNC_MASTER)
                .set(Settings.HA_SEND_HEARTBEAT_INTERVAL, Duration.ofMillis(200))
                .set(Settings.HA_HOUSEKEEPING_INTERVAL, Duration.ofSeconds(2)).build());
    }

    private static Socket connect(BolideBroker master) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", master.replication().port()));
        socket.setSoTimeout(30_000);
        return socket;
    }

    @Test
    void anIdleMasterSendsHeartbeatFramesAtTheOffsetTheSlaveReported() throws Exception {
        try (BolideBroker master = startMaster(); Socket slave = connect(master)) {
            new DataOutputStream(slave.getOutputStream()).writeLong(0);
            DataInputStream frames = new DataInputStream(slave.getInputStream());

            assertThat(frames.readLong()).isZero();
            assertThat(frames.readInt()).isZero();
            assertThat(master.replication().connectedSlaves()).isEqualTo(1);
        }
    }

    @Test
    void aSlaveSilentForTheHousekeepingIntervalIsDisconnected() throws Exception {
        try (BolideBroker master = startMaster(); Socket slave = connect(master)) {
            new DataOutputStream(slave.getOutputStream()).writeLong(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 0);
            assertThat(drain(slave)).as("end of stream").isEqualTo(-1);
        }
    }

    @Test
    void aSlaveAheadOfTheMasterIsRefused() throws Exception {
        try (BolideBroker master = startMaster(); Socket slave = connect(master)) {
            new DataOutputStream(slave.getOutputStream()).writeLong(1_000_000);

            assertThat(drain(slave)).as("end of stream, no frame").isEqualTo(-1);
            await().atMost(Duration.ofSeconds(30)).until(() -> master.replication().connectedSlaves() == 0);
        }
    }

    @Test
    void aSlaveWhoseMasterIsSilentForTheHousekeepingIntervalConnectsAgain() throws Exception {
        try (ServerSocket silentMaster = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                BolideBroker slave = BolideBroker.start(LoopbackBroker.settings(dir, "slave")
                        .set(Settings.BROKER_ROLE, BrokerRole.SLAVE).set(Settings.BROKER_ID, 1L)
                        .set(Settings.HA_MASTER_ADDRESS, "127.0.0.1:" + silentMaster.getLocalPort())
                        .set(Settings.HA_SEND_HEARTBEAT_INTERVAL, Duration.ofMillis(200))
                        .set(Settings.HA_HOUSEKEEPING_INTERVAL, Duration.ofSeconds(2)).build())) {
            silentMaster.setSoTimeout(30_000);
            try (Socket first = silentMaster.accept()) {
                first.setSoTimeout(30_000);
                assertThat(new DataInputStream(first.getInputStream()).readLong()).as("the slave's report").isZero();

                assertThat(drain(first)).as("the slave closes the silent connection").isEqualTo(-1);
            }
            try (Socket second = silentMaster.accept()) {
                second.setSoTimeout(30_000);
                assertThat(new DataInputStream(second.getInputStream()).readLong()).isZero();
            }
        }
    }

    /** Reads until the master closes the connection; heartbeats may come first. */
    private static int drain(Socket slave) throws IOException {
        int read;
        byte[] buffer = new byte[4096];
        while ((read = slave.getInputStream().read(buffer)) > 0) {
            // heartbeat frames until the master gives up on this slave
        }
        return read;
    }
}
