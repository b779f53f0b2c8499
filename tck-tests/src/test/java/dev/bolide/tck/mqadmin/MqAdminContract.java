package dev.bolide.tck.mqadmin;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Predicate;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the mqadmin contract tests share: the target they run against (Bolide or Apache RocketMQ
 * 4.9.7, started by the subclass), a {@code DefaultMQAdminExt} on its name server, and running an
 * mqadmin command with {@code -n} set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MqAdminContract {
    private DefaultMQAdminExt admin;

    /** The name server and broker under test, started before this class's tests. */
    protected abstract AdminTarget target();

    @AfterAll
    void stopAdmin() {
        if (admin != null) {
            admin.shutdown();
        }
    }

    /** Started on first use: a subclass's broker starts after this class's {@code @BeforeAll} methods. */
    protected DefaultMQAdminExt admin() throws MQClientException {
        if (admin == null) {
            admin = new DefaultMQAdminExt(5_000);
            admin.setNamesrvAddr(target().nameServerAddress());
            admin.setInstanceName("admin-" + System.nanoTime());
            admin.start();
        }
        return admin;
    }

    protected String mqadmin(String command, String... options) {
        return MqAdmin.run(withNameServer(command, options));
    }

    /** A command that loops until stopped, run until what it printed is {@code enough}. */
    protected String mqadminUntil(Predicate<String> enough, String command, String... options) {
        return MqAdmin.runUntil(enough, withNameServer(command, options));
    }

    private String[] withNameServer(String command, String... options) {
        String[] arguments = new String[options.length + 3];
        arguments[0] = command;
        arguments[1] = "-n";
        arguments[2] = target().nameServerAddress();
        System.arraycopy(options, 0, arguments, 3, options.length);
        return arguments;
    }

    protected void createRoutedTopic(String topic) throws Exception {
        admin().createAndUpdateTopicConfig(target().brokerAddress(),
                new TopicConfig(topic, 4, 4, PermName.PERM_READ | PermName.PERM_WRITE));
        await("route of " + topic).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> !admin().examineTopicRouteInfo(topic).getQueueDatas().isEmpty());
    }
}
