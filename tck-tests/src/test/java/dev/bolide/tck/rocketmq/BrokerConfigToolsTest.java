package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mqadmin getBrokerConfig} / {@code updateBrokerConfig} through {@code DefaultMQAdminExt}
 * 4.9.8: the keys RocketMQ's own configuration classes have are all answered, and a remote update
 * cannot move the store.
 */
class BrokerConfigToolsTest {
    private static Path dir;
    private static BrokerProcess broker;
    private static DefaultMQAdminExt admin;
    private static String brokerAddress;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("bolide-config");
        broker = BrokerProcess.start(dir);
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(broker.nameServerAddress());
        admin.setInstanceName("admin-" + System.nanoTime());
        admin.start();
        brokerAddress = "127.0.0.1:" + broker.brokerPort();
    }

    @AfterAll
    static void stop() throws Exception {
        admin.shutdown();
        broker.close();
    }

    @Test
    void everyKeyOfRocketMqsBrokerConfigurationIsAnswered() throws Exception {
        Set<String> rocketMqKeys = new TreeSet<>();
        for (Object config : new Object[] {new BrokerConfig(), new NettyServerConfig(), new NettyClientConfig(),
            messageStoreConfig()}) {
            rocketMqKeys.addAll(MixAll.object2Properties(config).stringPropertyNames());
        }

        Properties answered = admin.getBrokerConfig(brokerAddress);

        assertThat(rocketMqKeys).hasSizeGreaterThan(170);
        assertThat(answered.stringPropertyNames()).containsAll(rocketMqKeys);
        assertThat(answered.getProperty("transactionTimeOut")).isEqualTo("6000");
        assertThat(answered.getProperty("mappedFileSizeCommitLog")).isEqualTo("67108864");
        assertThat(answered.getProperty("brokerIP2")).isEqualTo("127.0.0.1");
        assertThat(answered.getProperty("configBlackList").split(";")).contains("storePathRootDir", "brokerName");
    }

    /** RocketMQ 4.9.7's store configuration, from the reference broker's jar (the client does not bring the store). */
    private static Object messageStoreConfig() throws Exception {
        Path storeJar = Path.of(System.getProperty("rocketmq.reference.lib"), "rocketmq-store-4.9.7.jar");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {storeJar.toUri().toURL()},
                BrokerConfigToolsTest.class.getClassLoader())) {
            return loader.loadClass("org.apache.rocketmq.store.config.MessageStoreConfig").getConstructor()
                    .newInstance();
        }
    }

    @Test
    void theStoreDirectoryCannotBeMovedByARemoteUpdate() throws Exception {
        String before = Files.readString(dir.resolve("broker.conf"));
        Properties changes = new Properties();
        changes.setProperty("storePathRootDir", dir.resolve("elsewhere").toString());

        assertThatThrownBy(() -> admin.updateBrokerConfig(brokerAddress, changes))
                .hasMessageContaining("storePathRootDir").hasMessageContaining("only by editing");
        assertThat(Files.readString(dir.resolve("broker.conf"))).isEqualTo(before);
    }
}
