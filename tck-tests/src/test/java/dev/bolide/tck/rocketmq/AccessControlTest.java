package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.rocketmq.common.PlainAccessConfig;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bolide with {@code aclEnable = true}: the judges of {@link AclScenarios}, and a broker that refuses
 * to start on a malformed file.
 */
class AccessControlTest extends AclScenarios {
    @TempDir
    static Path dir;
    private static BrokerProcess broker;

    @Override
    void startBroker() throws Exception {
        Path acl = Files.writeString(dir.resolve("plain_acl.yml"), PLAIN_ACL_YML);
        broker = BrokerProcess.start(dir, "aclEnable = true", "aclConfigFile = " + acl);
    }

    @Override
    void stopBroker() throws InterruptedException {
        broker.close();
    }

    @Override
    String nameServerAddress() {
        return broker.nameServerAddress();
    }

    @Override
    String brokerAddress() {
        return "127.0.0.1:" + broker.brokerPort();
    }

    @Override
    Path aclFile() {
        return dir.resolve("plain_acl.yml");
    }

    /** The signature covers what the hook signs, so a reader finds messages by key (unlike on RocketMQ). */
    @Test
    void aReaderOfTheTopicFindsAMessageByKey() throws Exception {
        RemotingCommand answer = queryByKeyAsReader("order-7");

        assertThat(answer.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(answer.getBody()).isNotEmpty();
    }

    /**
     * Bolide's JMS client signs with the connection's user and password; a wrong account fails at
     * createConnection, a missing permission at the request; both are security exceptions.
     */
    @Test
    void theJmsClientSignsWithTheConnectionsUserAndPassword() throws Exception {
        BolideConnectionFactory factory = new BolideConnectionFactory(nameServerAddress());
        long before = stored(TOPIC);
        try (Connection right = factory.createConnection("producer1", "producer-secret")) {
            Session session = right.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createTopic(TOPIC)).send(session.createTextMessage("signed"));
        }
        await("stored").atMost(Duration.ofSeconds(10)).until(() -> stored(TOPIC) > before);

        assertThatThrownBy(() -> factory.createConnection("producer1", "not-the-secret"))
                .isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("Check signature failed for accessKey=producer1");
        assertThatThrownBy(() -> factory.createConnection("nobody", "a-secret")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createConnection("producer1", null)).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createContext("nobody", "a-secret"))
                .isInstanceOf(JMSSecurityRuntimeException.class);
        assertThatThrownBy(() -> factory.createXAContext("nobody", "a-secret"))
                .isInstanceOf(JMSSecurityRuntimeException.class);
        try (Connection reader = factory.createConnection("producer1", "producer-secret")) {
            Session session = reader.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(ARCHIVE));
            assertThatThrownBy(() -> producer.send(session.createTextMessage("not allowed")))
                    .as("a right account without PUB on the topic").isInstanceOf(JMSSecurityException.class);
        }
        assertThat(stored(ARCHIVE)).isZero();
    }

    /** Apache RocketMQ 4.9.7 lets any account with a valid signature rewrite the ACL; Bolide only an admin. */
    @Test
    void aNonAdminCannotChangeTheAcl() throws Exception {
        DefaultMQAdminExt nonAdmin = new DefaultMQAdminExt(hook(PRODUCER));
        nonAdmin.setNamesrvAddr(nameServerAddress());
        nonAdmin.setInstanceName("non-admin-" + System.nanoTime());
        nonAdmin.start();
        try {
            PlainAccessConfig promotion = new PlainAccessConfig();
            promotion.setAccessKey("producer1");
            promotion.setSecretKey("producer-secret");
            promotion.setAdmin(true);

            assertRefused(catchThrowable(() -> nonAdmin.createAndUpdatePlainAccessConfig(brokerAddress(), promotion)),
                    "Need admin permission for request code=50, but accessKey=producer1 is not");
            assertRefused(catchThrowable(() -> nonAdmin.createAndUpdateTopicConfig(brokerAddress(),
                    new TopicConfig("Sneaky", 4, 4, 6))), "Need admin permission for request code=17");
        } finally {
            nonAdmin.shutdown();
        }
    }

    /**
     * BRANCH_OUTCOME answers a participant broker the outcome of a transaction that spanned brokers,
     * and its report makes the coordinator forget the decision: brokers ask it of one another, signed
     * with their {@code aclAccessKey} account, and no client may, as none may list or forget branches.
     */
    @Test
    void onlyAnAdminAsksACoordinatorForTheOutcomeOfATransaction() throws Exception {
        String branch = BranchId.of(BranchId.LOCAL_FORMAT_ID, new byte[] {7}, new byte[] {1}).text();

        RemotingCommand asProducer = branchOutcome(hook(PRODUCER), branch);
        RemotingCommand asAdmin = branchOutcome(hook(ADMIN), branch);

        assertThat(asProducer.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(asProducer.getRemark()).contains("Need admin permission for request code="
                + BolideRequestCode.BRANCH_OUTCOME + ", but accessKey=producer1 is not");
        assertThat(asAdmin.getCode()).isEqualTo(ResponseCode.SUCCESS);
        // presumed abort: no commit decision for a branch the coordinator never saw
        assertThat(asAdmin.getExtFields()).containsEntry("outcome", "ROLLBACK");
    }

    private RemotingCommand branchOutcome(RPCHook hook, String branch) throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.registerRPCHook(hook);
        client.start();
        try {
            RemotingCommand request = RemotingCommand.createRequestCommand(BolideRequestCode.BRANCH_OUTCOME, null);
            request.addExtField("branch", branch);
            return client.invokeSync(brokerAddress(), request, 5_000);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aMalformedFileAtStartStopsTheBrokerNamingTheLine(@TempDir Path other) throws Exception {
        Path acl = Files.writeString(other.resolve("plain_acl.yml"), PLAIN_ACL_YML.replace("Orders=PUB", "Orders=PUBLISH"));

        assertThatIllegalStateException()
                .isThrownBy(() -> BrokerProcess.start(other, "aclEnable = true", "aclConfigFile = " + acl))
                .withMessageContaining("aclEnable = true, but " + acl + ", line 5: 'PUBLISH' is not one of");
        assertThat(other.resolve("store")).doesNotExist();
    }
}
