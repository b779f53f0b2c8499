package dev.bolide.client.jms;

import dev.bolide.client.jms.connection.BolideConnection;
import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.client.jms.connection.ConnectionUri;
import dev.bolide.client.jms.context.BolideJMSContext;
import dev.bolide.client.jms.context.JmsRuntimeExceptions;
import dev.bolide.client.jms.xa.BolideXAJMSContext;
import dev.bolide.remoting.ClientTlsConfig;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The entry point of the Bolide Jakarta Messaging client: connections to the brokers registered
 * with the given name servers. A plain bean (getters and setters), so that JNDI references and a
 * resource adapter can carry and configure it; {@link #createBolideConnection} is the one place a
 * connection is made, for the XA factory to reuse.
 *
 * <p>Forms: {@code new BolideConnectionFactory("127.0.0.1:9876")},
 * {@code new BolideConnectionFactory("bolide://h1:9876;h2:9876?clientId=app&requestTimeout=3000&maxRedeliveries=5")},
 * or {@code new BolideConnectionFactory(properties)} with the same keys.
 *
 * <p>{@code sendOrder} ({@link SendOrder}) chooses between a session's messages arriving in send
 * order ({@code PER_SESSION}, the default) and being spread over the destination's queues for
 * competing consumers ({@code SPREAD}).
 *
 * <p>TLS ({@code useTLS=true}, for brokers with RocketMQ's {@code tls.server.mode}): the broker's
 * certificate is verified against {@code tlsTrustCertPath} (PEM; default: the JDK's trust store) unless
 * {@code tlsTrustAnyServer=true}, RocketMQ's client default, meant for tests; {@code tlsCertPath} and
 * {@code tlsKeyPath} give the client's own certificate to brokers that ask for one. See
 * {@link ConnectionSettings#USE_TLS} and the keys after it.
 *
 * <p>The same factory makes XA connections and contexts ({@code createXAConnection},
 * {@code createXAContext}): their XA sessions' work is decided by a transaction manager through
 * {@link dev.bolide.client.jms.xa.BolideXAResource}, the Xid of a branch becoming the broker's branch id.
 */
public class BolideConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        XAConnectionFactory, XAQueueConnectionFactory, XATopicConnectionFactory, Serializable {
    private static final long serialVersionUID = 1L;

    private String nameServers;
    private String clientId;
    private long requestTimeout = ConnectionSettings.DEFAULT_REQUEST_TIMEOUT.toMillis();
    private int maxRedeliveries = ConnectionSettings.DEFAULT_MAX_REDELIVERIES;
    private boolean useTLS;
    private String tlsTrustCertPath;
    private boolean tlsTrustAnyServer;
    private String tlsCertPath;
    private String tlsKeyPath;
    private String sendOrder = SendOrder.DEFAULT.name();

    /** A factory to configure through its setters. */
    public BolideConnectionFactory() {
    }

    /** @param uriOrNameServers a {@code bolide://} URI or a {@code host:port;host:port} list */
    public BolideConnectionFactory(String uriOrNameServers) {
        this(ConnectionUri.parse(uriOrNameServers));
    }

    /** @param properties {@code nameServers}, {@code clientId}, {@code requestTimeout} (ms), {@code maxRedeliveries} */
    public BolideConnectionFactory(Properties properties) {
        ConnectionSettings settings = ConnectionSettings.of(properties);
        nameServers = settings.nameServers();
        clientId = settings.clientId();
        requestTimeout = settings.requestTimeout().toMillis();
        maxRedeliveries = settings.maxRedeliveries();
        setTls(settings.tls());
        sendOrder = settings.sendOrder().name();
    }

    /** Sets {@code useTLS} and the {@code tls*} properties at once, as {@code tls} says; null: plain. */
    public void setTls(ClientTlsConfig tls) {
        useTLS = tls != null;
        tlsTrustCertPath = useTLS ? text(tls.trustCertPath()) : null;
        tlsTrustAnyServer = useTLS && tls.trustAnyServer();
        tlsCertPath = useTLS ? text(tls.certPath()) : null;
        tlsKeyPath = useTLS ? text(tls.keyPath()) : null;
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }

    public String getNameServers() {
        return nameServers;
    }

    public void setNameServers(String nameServers) {
        this.nameServers = nameServers;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** Milliseconds a request may wait for the broker's answer. */
    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRedeliveries() {
        return maxRedeliveries;
    }

    public void setMaxRedeliveries(int maxRedeliveries) {
        this.maxRedeliveries = maxRedeliveries;
    }

    /** Whether connections use TLS. */
    public boolean isUseTLS() {
        return useTLS;
    }

    public void setUseTLS(boolean useTLS) {
        this.useTLS = useTLS;
    }

    /** The certificates (PEM) a broker's must chain to; null: the JDK's trust store. */
    public String getTlsTrustCertPath() {
        return tlsTrustCertPath;
    }

    public void setTlsTrustCertPath(String tlsTrustCertPath) {
        this.tlsTrustCertPath = tlsTrustCertPath;
    }

    /** Whether any broker certificate is accepted: for tests and self-signed brokers only. */
    public boolean isTlsTrustAnyServer() {
        return tlsTrustAnyServer;
    }

    public void setTlsTrustAnyServer(boolean tlsTrustAnyServer) {
        this.tlsTrustAnyServer = tlsTrustAnyServer;
    }

    /** The client's certificate chain (PEM), for brokers that ask for one; null: none. */
    public String getTlsCertPath() {
        return tlsCertPath;
    }

    public void setTlsCertPath(String tlsCertPath) {
        this.tlsCertPath = tlsCertPath;
    }

    /** The client's private key (PKCS#8 PEM, unencrypted). */
    public String getTlsKeyPath() {
        return tlsKeyPath;
    }

    public void setTlsKeyPath(String tlsKeyPath) {
        this.tlsKeyPath = tlsKeyPath;
    }

    /**
     * {@link SendOrder}: {@code PER_SESSION} (the default: a session's messages arrive in the order it
     * sent them) or {@code SPREAD} (over the destination's queues in turn, for competing consumers).
     */
    public String getSendOrder() {
        return sendOrder;
    }

    public void setSendOrder(String sendOrder) {
        this.sendOrder = sendOrder;
    }

    /** The current settings, validated. */
    public ConnectionSettings settings() {
        return new ConnectionSettings(nameServers, clientId, Duration.ofMillis(requestTimeout), maxRedeliveries,
                ClientTlsConfig.of(useTLS, tlsTrustCertPath, tlsTrustAnyServer, tlsCertPath, tlsKeyPath),
                sendOrder == null ? SendOrder.DEFAULT : SendOrder.of(sendOrder));
    }

    /**
     * Makes a connection: the one place every {@code create*Connection} and {@code createContext}
     * goes through. With a user name, every request is signed with it as RocketMQ's access key and
     * the password as its secret key (rocketmq-acl's {@code AclClientRPCHook}); a broker with access
     * control refuses what the account may not do, and the JMS call fails with a
     * {@link JMSSecurityException}; an unknown account or a wrong password fails here already.
     */
    protected BolideConnection createBolideConnection(String userName, String password) throws JMSException {
        ConnectionSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            JMSException failure = new JMSException("bad connection factory setting: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
        return BolideConnection.open(settings, userName, password);
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createBolideConnection(null, null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return createBolideConnection(userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createBolideConnection(null, null);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return createBolideConnection(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return createBolideConnection(null, null);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return createBolideConnection(userName, password);
    }

    @Override
    public JMSContext createContext() {
        return createContext(null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(null, null, sessionMode);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        try {
            return BolideJMSContext.open(createBolideConnection(userName, password), sessionMode);
        } catch (JMSException e) {
            throw JmsRuntimeExceptions.of(e);
        }
    }

    // --- XA

    @Override
    public XAConnection createXAConnection() throws JMSException {
        return createBolideConnection(null, null);
    }

    @Override
    public XAConnection createXAConnection(String userName, String password) throws JMSException {
        return createBolideConnection(userName, password);
    }

    @Override
    public XAQueueConnection createXAQueueConnection() throws JMSException {
        return createBolideConnection(null, null);
    }

    @Override
    public XAQueueConnection createXAQueueConnection(String userName, String password) throws JMSException {
        return createBolideConnection(userName, password);
    }

    @Override
    public XATopicConnection createXATopicConnection() throws JMSException {
        return createBolideConnection(null, null);
    }

    @Override
    public XATopicConnection createXATopicConnection(String userName, String password) throws JMSException {
        return createBolideConnection(userName, password);
    }

    @Override
    public XAJMSContext createXAContext() {
        return createXAContext(null, null);
    }

    @Override
    public XAJMSContext createXAContext(String userName, String password) {
        try {
            return BolideXAJMSContext.open(createBolideConnection(userName, password));
        } catch (JMSException e) {
            throw JmsRuntimeExceptions.of(e);
        }
    }
}
