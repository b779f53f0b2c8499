package dev.bolide.ra.outbound;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.jms.SendOrder;
import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.ClientTlsProperties;
import dev.bolide.ra.metrics.AdapterMetrics;
import dev.bolide.remoting.ClientTlsConfig;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The managed connection factory of the three connection definitions ({@code ConnectionFactory},
 * {@code QueueConnectionFactory}, {@code TopicConnectionFactory}). Its JavaBean properties are the
 * connection definition's configuration properties; without {@code nameServers} it connects to the
 * name servers of its adapter (the embedded broker's, in {@code EMBEDDED} mode), and without
 * {@code useTLS} it takes the adapter's TLS settings.
 *
 * <p>Two factories are equal when their properties are (Connectors 2.1, 6.5.3.2).
 */
public class BolideManagedConnectionFactory extends ClientTlsProperties implements ManagedConnectionFactory,
        ResourceAdapterAssociation {
    private static final long serialVersionUID = 1L;

    private String nameServers;
    private Long requestTimeout = ConnectionSettings.DEFAULT_REQUEST_TIMEOUT.toMillis();
    private Integer maxRedeliveries = ConnectionSettings.DEFAULT_MAX_REDELIVERIES;
    private String sendOrder = SendOrder.DEFAULT.name();

    private transient BolideResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    /** Without an adapter (outside a server) the factory's connections count here, seen by nobody. */
    private transient AdapterMetrics unassociatedMetrics;

    /** {@code useTLS} not set: the adapter's TLS settings, all of them. */
    public BolideManagedConnectionFactory() {
        super(null);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new ContainerConnectionFactory(this, connectionManager);
    }

    /** Outside a server: each connection a managed connection of its own, destroyed when it closes. */
    @Override
    public Object createConnectionFactory() {
        return new ContainerConnectionFactory(this, new UnpooledConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo requestInfo)
            throws ResourceException {
        return BolideManagedConnection.open(this, physicalConnection(subject, requestInfo), settings());
    }

    /** The first of {@code candidates} that is a healthy connection to the same name servers as the same user. */
    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject,
            ConnectionRequestInfo requestInfo) throws ResourceException {
        PhysicalConnection wanted = physicalConnection(subject, requestInfo);
        for (Object candidate : candidates) {
            if (candidate instanceof BolideManagedConnection connection && connection.factory().equals(this)
                    && connection.physicalConnection().equals(wanted) && connection.isUsable()) {
                return connection;
            }
        }
        return null;
    }

    /**
     * The user and password named by the request (application sign-on), else by the server's
     * credential for this factory with a password (container sign-on), else the adapter's
     * {@code userName} and {@code password}; none of them: requests are not signed.
     */
    PhysicalConnection physicalConnection(Subject subject, ConnectionRequestInfo requestInfo)
            throws ResourceException {
        if (requestInfo instanceof ConnectionRequest request && request.userName() != null) {
            return new PhysicalConnection(resolvedNameServers(), request.userName(), request.password());
        }
        // a credential without a password is a server's placeholder, not an account: Payara hands
        // container sign-on user "user" and no password when the factory's definition names nobody
        Optional<PasswordCredential> container = subject == null ? Optional.empty()
                : subject.getPrivateCredentials(PasswordCredential.class).stream()
                        .filter(credential -> equals(credential.getManagedConnectionFactory()))
                        .filter(credential -> credential.getPassword().length > 0).findFirst();
        if (container.isPresent()) {
            return new PhysicalConnection(resolvedNameServers(), container.get().getUserName(),
                    new String(container.get().getPassword()));
        }
        return resourceAdapter == null ? new PhysicalConnection(resolvedNameServers(), null, null)
                : new PhysicalConnection(resolvedNameServers(), resourceAdapter.getUserName(),
                        resourceAdapter.getPassword());
    }

    /**
     * The connection settings of the properties, checked; a bad one names itself. They are made as
     * the client's own factory bean makes them, which is the client's API.
     */
    ConnectionSettings settings() throws ResourceException {
        try {
            BolideConnectionFactory client = new BolideConnectionFactory();
            client.setNameServers(resolvedNameServers());
            client.setRequestTimeout(Objects.requireNonNull(requestTimeout, "requestTimeout is missing"));
            client.setMaxRedeliveries(Objects.requireNonNull(maxRedeliveries, "maxRedeliveries is missing"));
            client.setTls(tls());
            client.setSendOrder(Objects.requireNonNull(sendOrder, "sendOrder is missing"));
            return client.settings();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidPropertyException("Bolide connection factory: " + e.getMessage(), e);
        }
    }

    /** This factory's TLS settings when it sets {@code useTLS}, else the adapter's; null: plain. */
    private ClientTlsConfig tls() {
        if (getUseTLS() == null) {
            return resourceAdapter == null ? null : resourceAdapter.clientTls();
        }
        return tlsConfig();
    }

    /** {@code nameServers}, else the adapter's. */
    String resolvedNameServers() throws ResourceException {
        if (nameServers != null && !nameServers.isBlank()) {
            return nameServers.trim();
        }
        if (resourceAdapter == null) {
            throw new InvalidPropertyException("Bolide connection factory: no nameServers and no resource adapter "
                    + "to take them from");
        }
        try {
            return resourceAdapter.nameServerAddress();
        } catch (IllegalStateException e) {
            throw new ResourceException("Bolide connection factory: " + e.getMessage(), e);
        }
    }

    /** The meters the factory's managed connections count in: their adapter's. */
    synchronized AdapterMetrics metrics() {
        if (resourceAdapter != null) {
            return resourceAdapter.metrics();
        }
        if (unassociatedMetrics == null) {
            unassociatedMetrics = new AdapterMetrics(() -> 0);
        }
        return unassociatedMetrics;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        if (!(adapter instanceof BolideResourceAdapter bolide)) {
            throw new ResourceException("a Bolide connection factory belongs to a BolideResourceAdapter, not " + adapter);
        }
        resourceAdapter = bolide;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter logWriter) {
        this.logWriter = logWriter;
    }

    /** {@code host:port;host:port}; blank: the adapter's name servers. */
    public String getNameServers() {
        return nameServers;
    }

    public void setNameServers(String nameServers) {
        this.nameServers = nameServers;
    }

    /** Milliseconds a request may wait for the broker's answer. */
    public Long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** Deliveries after the first before a received message goes to the dead-letter queue. */
    public Integer getMaxRedeliveries() {
        return maxRedeliveries;
    }

    public void setMaxRedeliveries(Integer maxRedeliveries) {
        this.maxRedeliveries = maxRedeliveries;
    }

    /**
     * {@link SendOrder}: {@code PER_SESSION} (a session's messages arrive in send order) or {@code SPREAD}
     * (over the destination's queues in turn, for a session feeding competing consumers, such as MDBs
     * on several servers).
     */
    public String getSendOrder() {
        return sendOrder;
    }

    public void setSendOrder(String sendOrder) {
        this.sendOrder = sendOrder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BolideManagedConnectionFactory that && getClass() == that.getClass()
                && Objects.equals(nameServers, that.nameServers) && Objects.equals(requestTimeout, that.requestTimeout)
                && Objects.equals(maxRedeliveries, that.maxRedeliveries) && Objects.equals(sendOrder, that.sendOrder)
                && sameTlsProperties(that);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nameServers, requestTimeout, maxRedeliveries, sendOrder, tlsPropertiesHash());
    }
}
