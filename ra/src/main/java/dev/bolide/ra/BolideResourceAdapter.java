package dev.bolide.ra;

import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.config.Settings;
import dev.bolide.ra.checkback.CheckBackActivation;
import dev.bolide.ra.checkback.CheckBackActivationSpec;
import dev.bolide.ra.checkback.CheckBackSettings;
import dev.bolide.ra.embedded.EmbeddedBrokers;
import dev.bolide.ra.inbound.ActivationSettings;
import dev.bolide.ra.inbound.BolideActivationSpec;
import dev.bolide.ra.inbound.EndpointActivation;
import dev.bolide.ra.inbound.Lookup;
import dev.bolide.ra.metrics.AdapterMetrics;
import dev.bolide.ra.metrics.MetricsServer;
import dev.bolide.remoting.ClientTlsConfig;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import javax.transaction.xa.XAResource;

/**
 * The Bolide resource adapter. Its JavaBean properties are the configuration properties of
 * {@code META-INF/ra.xml}; {@link #start} checks them and, in {@code EMBEDDED} mode, starts a broker
 * with its name server inside the server; {@link #endpointActivation} starts delivery to a
 * message-driven endpoint on the server's WorkManager; {@link #stop} stops every endpoint's delivery,
 * then the broker.
 *
 * <p>Two adapters are equal when all their configuration properties are (Connectors 2.1, 5.3.1).
 */
public class BolideResourceAdapter extends ClientTlsProperties implements ResourceAdapter {
    private static final System.Logger LOG = System.getLogger(BolideResourceAdapter.class.getName());

    private String mode = BrokerMode.EMBEDDED.name();
    private String namesrvAddr;
    // the embedded broker's defaults are the broker's own (its settings registry)
    private Integer brokerPort = Settings.LISTEN_PORT.defaultValue();
    private Integer nameServerPort = Settings.NAMESRV_LISTEN_PORT.defaultValue();
    private String brokerAddress = "127.0.0.1";
    private String storeDir;
    private String aclConfigFile;
    private String flushType = Settings.FLUSH_DISK_TYPE.defaultValue().name();
    private Integer mappedFileSizeCommitLog = Settings.MAPPED_FILE_SIZE_COMMIT_LOG.defaultValue();
    private Long transactionTimeout = Settings.TRANSACTION_TIMEOUT.defaultValue().toMillis();
    private Long transactionCheckInterval = Settings.TRANSACTION_CHECK_INTERVAL.defaultValue().toMillis();
    private String userName;
    private String password;
    /** Off unless set; the address defaults as the broker's console's does. */
    private Integer metricsListenPort = AdapterSettings.METRICS_OFF;
    /** Off: inside an application server, whose own HTTP listener usually has the console's 8080. */
    private Integer consoleListenPort = BrokerSettings.NO_CONSOLE;
    private String metricsAddress = Settings.CONSOLE_ADDRESS.defaultValue();

    /** Plain connections, until {@code useTLS} says otherwise. */
    public BolideResourceAdapter() {
        super(false);
    }

    /** The server's WorkManager runs the endpoints' delivery. */
    private BootstrapContext bootstrapContext;
    private final EndpointActivations activations = new EndpointActivations();
    /** The embedded broker's settings this instance was configured with; the others may be a running broker's. */
    private final Set<String> named = new HashSet<>();
    private AdapterSettings settings;
    private EmbeddedBrokers.Lease embeddedBroker;
    private final AdapterMetrics metrics = new AdapterMetrics(activations::count);
    private MetricsServer metricsServer;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        AdapterSettings checked = AdapterSettings.check(this);
        if (checked.mode() == BrokerMode.EMBEDDED) {
            embeddedBroker = startBroker(checked);
            LOG.log(Level.INFO, "Bolide embedded broker in use, store " + checked.embedded().storeDir()
                    + ", name server " + embeddedBroker.nameServerAddress());
        }
        settings = checked;
        bootstrapContext = context;
        if (checked.metricsListenPort() != AdapterSettings.METRICS_OFF) {
            metricsServer = startMetrics(checked);
        }
    }

    private MetricsServer startMetrics(AdapterSettings checked) throws ResourceAdapterInternalException {
        try {
            MetricsServer server = MetricsServer.start(this::scrapeMetrics, checked.metricsAddress(),
                    checked.metricsListenPort());
            LOG.log(Level.INFO, "Bolide resource adapter metrics on http://{0}:{1,number,#}/metrics",
                    checked.metricsAddress(), server.port());
            return server;
        } catch (IOException | RuntimeException e) {
            stop();
            throw new ResourceAdapterInternalException("Bolide resource adapter: config property metricsListenPort = '"
                    + checked.metricsListenPort() + "': cannot listen: " + e.getMessage(), e);
        }
    }

    /**
     * The adapter's meters in the Prometheus text format, followed in {@code EMBEDDED} mode by its
     * broker's (which has no console to serve them): one scrape for the whole of it.
     */
    private String scrapeMetrics() {
        EmbeddedBrokers.Lease broker = embeddedBroker;
        return broker == null ? metrics.scrape() : metrics.scrape() + broker.scrapeMetrics();
    }

    /** The adapter's meters: its connections', activations' and XA branches' figures. */
    public AdapterMetrics metrics() {
        return metrics;
    }

    /**
     * The port the adapter serves its metrics on, the free one it took when {@code metricsListenPort}
     * is 0; empty when it serves none.
     */
    public OptionalInt metricsPort() {
        MetricsServer server = metricsServer;
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
    }

    /** This JVM's broker of the configured store: the running one, or one started now (see {@link EmbeddedBrokers}). */
    private EmbeddedBrokers.Lease startBroker(AdapterSettings checked) throws ResourceAdapterInternalException {
        try {
            return EmbeddedBrokers.acquire(checked.embedded(), Set.copyOf(named));
        } catch (IOException | RuntimeException e) {
            throw new ResourceAdapterInternalException("Bolide resource adapter: no embedded broker for this instance: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceAdapterInternalException("Bolide resource adapter: interrupted while starting "
                    + "the embedded broker", e);
        }
    }

    @Override
    public void stop() {
        activations.removeAll();
        if (metricsServer != null) {
            metricsServer.close();
            metricsServer = null;
        }
        if (embeddedBroker != null) {
            try {
                embeddedBroker.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.ERROR, "Bolide embedded broker did not close cleanly", e);
            }
            embeddedBroker = null;
        }
        settings = null;
        bootstrapContext = null;
    }

    /**
     * {@code host:port;...} of the name servers this adapter's clients use: those of {@code namesrvAddr}
     * in {@code REMOTE} mode, the embedded one (on the port it really listens on) in {@code EMBEDDED} mode.
     *
     * @throws IllegalStateException when the adapter is not started
     */
    public String nameServerAddress() {
        if (settings == null) {
            throw new IllegalStateException("Bolide resource adapter is not started");
        }
        return embeddedBroker != null ? embeddedBroker.nameServerAddress() : settings.namesrvAddr();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
            throws ResourceException {
        activations.add(endpointFactory, spec, activate(endpointFactory, spec));
    }

    /** The broker account an activation signs with; a null user name: unsigned. */
    private record Account(String userName, String password) {
        /** Keeps the password out of logs. */
        @Override
        public String toString() {
            return "Account[userName=" + userName + "]";
        }
    }

    /** The spec's account, else the adapter's. */
    private Account account(AdapterActivationSpec spec) {
        return spec.getUserName() != null ? new Account(spec.getUserName(), spec.getPassword())
                : new Account(userName, password);
    }

    private AutoCloseable activate(MessageEndpointFactory endpointFactory, ActivationSpec spec)
            throws ResourceException {
        if (settings == null) {
            throw new ResourceAdapterInternalException("Bolide resource adapter is not started");
        }
        if (spec instanceof BolideActivationSpec messages) {
            Account account = account(messages);
            return EndpointActivation.start(endpointFactory, ActivationSettings.check(messages, Lookup.JNDI),
                    nameServerAddress(), clientTls(), account.userName(), account.password(),
                    bootstrapContext.getWorkManager(), metrics);
        }
        if (spec instanceof CheckBackActivationSpec checkBacks) {
            Account account = account(checkBacks);
            return CheckBackActivation.start(endpointFactory, CheckBackSettings.check(checkBacks), nameServerAddress(),
                    clientTls(), account.userName(), account.password(), bootstrapContext.getWorkManager());
        }
        throw new NotSupportedException("Bolide resource adapter: unknown activation spec "
                + (spec == null ? null : spec.getClass().getName()));
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        activations.remove(endpointFactory, spec);
    }

    /**
     * One XAResource of each transacted activation of {@code specs}: a client XA resource, whose
     * recover lists the prepared branches of every broker of the cluster, whichever connection
     * prepared them.
     */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
        return activations.of(Arrays.asList(specs)).stream()
                .flatMap(activation -> activation instanceof EndpointActivation delivery
                        ? delivery.xaResource().stream() : Stream.empty())
                .toArray(XAResource[]::new);
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public Integer getBrokerPort() {
        return brokerPort;
    }

    public void setBrokerPort(Integer brokerPort) {
        this.brokerPort = brokerPort;
        named.add("brokerPort");
    }

    public Integer getNameServerPort() {
        return nameServerPort;
    }

    public void setNameServerPort(Integer nameServerPort) {
        this.nameServerPort = nameServerPort;
        named.add("nameServerPort");
    }

    public String getBrokerAddress() {
        return brokerAddress;
    }

    public void setBrokerAddress(String brokerAddress) {
        this.brokerAddress = brokerAddress;
        named.add("brokerAddress");
    }

    public String getStoreDir() {
        return storeDir;
    }

    public void setStoreDir(String storeDir) {
        this.storeDir = storeDir;
    }

    public String getFlushType() {
        return flushType;
    }

    public void setFlushType(String flushType) {
        this.flushType = flushType;
        named.add("flushType");
    }

    public Integer getMappedFileSizeCommitLog() {
        return mappedFileSizeCommitLog;
    }

    public void setMappedFileSizeCommitLog(Integer mappedFileSizeCommitLog) {
        this.mappedFileSizeCommitLog = mappedFileSizeCommitLog;
        named.add("mappedFileSizeCommitLog");
    }

    public Long getTransactionTimeout() {
        return transactionTimeout;
    }

    public void setTransactionTimeout(Long transactionTimeout) {
        this.transactionTimeout = transactionTimeout;
        named.add("transactionTimeout");
    }

    public Long getTransactionCheckInterval() {
        return transactionCheckInterval;
    }

    public void setTransactionCheckInterval(Long transactionCheckInterval) {
        this.transactionCheckInterval = transactionCheckInterval;
        named.add("transactionCheckInterval");
    }

    /** EMBEDDED mode: the plain_acl.yml the embedded broker checks every request against; none: no access control. */
    public String getAclConfigFile() {
        return aclConfigFile;
    }

    public void setAclConfigFile(String aclConfigFile) {
        this.aclConfigFile = aclConfigFile;
        named.add("aclConfigFile");
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The port of {@code GET /metrics} (Prometheus text); -1: none, 0: any free port. */
    public Integer getMetricsListenPort() {
        return metricsListenPort;
    }

    public void setMetricsListenPort(Integer metricsListenPort) {
        this.metricsListenPort = metricsListenPort;
    }

    /** {@code EMBEDDED}: the port of the embedded broker's console and {@code /metrics}; -1: none. */
    public Integer getConsoleListenPort() {
        return consoleListenPort;
    }

    public void setConsoleListenPort(Integer consoleListenPort) {
        this.consoleListenPort = consoleListenPort;
        named.add("consoleListenPort");
    }

    public String getMetricsAddress() {
        return metricsAddress;
    }

    public void setMetricsAddress(String metricsAddress) {
        this.metricsAddress = metricsAddress;
    }

    /**
     * The TLS of the adapter's clients: its activations' and check-back's, and its connection factories'
     * that do not set {@code useTLS} themselves; null: plain connections.
     */
    public ClientTlsConfig clientTls() {
        return tlsConfig();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BolideResourceAdapter that && getClass() == that.getClass()
                && Objects.equals(mode, that.mode) && Objects.equals(namesrvAddr, that.namesrvAddr)
                && Objects.equals(brokerPort, that.brokerPort) && Objects.equals(nameServerPort, that.nameServerPort)
                && Objects.equals(brokerAddress, that.brokerAddress) && Objects.equals(storeDir, that.storeDir)
                && Objects.equals(flushType, that.flushType)
                && Objects.equals(mappedFileSizeCommitLog, that.mappedFileSizeCommitLog)
                && Objects.equals(transactionTimeout, that.transactionTimeout)
                && Objects.equals(transactionCheckInterval, that.transactionCheckInterval)
                && Objects.equals(userName, that.userName) && Objects.equals(password, that.password)
                && Objects.equals(metricsListenPort, that.metricsListenPort)
                && Objects.equals(consoleListenPort, that.consoleListenPort)
                && Objects.equals(metricsAddress, that.metricsAddress)
                && sameTlsProperties(that);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, namesrvAddr, brokerPort, nameServerPort, brokerAddress, storeDir, flushType,
                mappedFileSizeCommitLog, transactionTimeout, transactionCheckInterval, userName, password,
                metricsListenPort, consoleListenPort, metricsAddress, tlsPropertiesHash());
    }
}
