package dev.bolide.ra;

import dev.bolide.broker.BrokerSettings;
import dev.bolide.ra.embedded.EmbeddedBrokerSettings;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.StoreConfig;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The adapter's configuration properties, checked. A value that is missing or does not parse fails
 * with a {@link ResourceAdapterInternalException} that names the property.
 *
 * @param namesrvAddr the name servers of a {@code REMOTE} broker ({@code host:port;host:port}); null when embedded
 * @param embedded    the embedded broker's settings; null when remote
 * @param userName    the broker account outbound connections sign with by default (their factory reads it)
 * @param password    its secret key
 * @param metricsListenPort where the adapter serves its metrics; {@link #METRICS_OFF}: nowhere, 0: any free port
 * @param metricsAddress    the address it listens on for them
 */
record AdapterSettings(BrokerMode mode, String namesrvAddr, EmbeddedBrokerSettings embedded, String userName,
        String password, int metricsListenPort, String metricsAddress) {
    /** {@code metricsListenPort} when the adapter serves no metrics: the default. */
    static final int METRICS_OFF = -1;
    /** Where the store goes when {@code storeDir} is not set, under the server's instance directory if it has one. */
    static final String STORE_SUBDIRECTORY = "bolide/store";
    /** The server directories the store may go under, in this order: Payara's and GlassFish's instance, WildFly's data. */
    private static final List<String> SERVER_DIRECTORIES = List.of("com.sun.aas.instanceRoot", "jboss.server.data.dir");

    static AdapterSettings check(BolideResourceAdapter properties) throws ResourceAdapterInternalException {
        BrokerMode mode = mode(properties.getMode());
        String namesrvAddr = blankAsNull(properties.getNamesrvAddr());
        int metricsPort = metricsPort(properties.getMetricsListenPort());
        String metricsAddress = address("metricsAddress", properties.getMetricsAddress());
        if (mode == BrokerMode.REMOTE) {
            return new AdapterSettings(mode, nameServers(namesrvAddr), null, properties.getUserName(),
                    properties.getPassword(), metricsPort, metricsAddress);
        }
        if (namesrvAddr != null) {
            throw invalid("namesrvAddr", namesrvAddr, "only for mode REMOTE; in mode EMBEDDED clients use "
                    + "the embedded name server on nameServerPort");
        }
        return new AdapterSettings(mode, null, embedded(properties), properties.getUserName(), properties.getPassword(),
                metricsPort, metricsAddress);
    }

    private static int metricsPort(Integer value) throws ResourceAdapterInternalException {
        return value != null && value == METRICS_OFF ? METRICS_OFF : port("metricsListenPort", value);
    }

    private static int consolePort(Integer value) throws ResourceAdapterInternalException {
        return value != null && value == BrokerSettings.NO_CONSOLE ? BrokerSettings.NO_CONSOLE
                : port("consoleListenPort", value);
    }

    private static EmbeddedBrokerSettings embedded(BolideResourceAdapter properties)
            throws ResourceAdapterInternalException {
        int brokerPort = port("brokerPort", properties.getBrokerPort());
        int nameServerPort = port("nameServerPort", properties.getNameServerPort());
        if (brokerPort != 0 && brokerPort == nameServerPort) {
            throw invalid("nameServerPort", nameServerPort, "the same port as brokerPort");
        }
        String brokerAddress = address("brokerAddress", properties.getBrokerAddress());
        Path storeDir = storeDir(properties.getStoreDir());
        return new EmbeddedBrokerSettings(brokerPort, nameServerPort, brokerAddress, storeDir,
                flushType(properties.getFlushType()), commitLogFileSize(storeDir, properties.getMappedFileSizeCommitLog()),
                millis("transactionTimeout", properties.getTransactionTimeout(), 0),
                millis("transactionCheckInterval", properties.getTransactionCheckInterval(), 1),
                optionalPath(properties.getAclConfigFile()), consolePort(properties.getConsoleListenPort()));
    }

    private static Path optionalPath(String value) {
        String path = blankAsNull(value);
        return path == null ? null : Path.of(path);
    }

    private static Duration millis(String property, Long value, long least) throws ResourceAdapterInternalException {
        if (value == null || value < least) {
            throw invalid(property, value, "not a number of milliseconds of at least " + least);
        }
        return Duration.ofMillis(value);
    }

    private static String address(String property, String value) throws ResourceAdapterInternalException {
        String address = blankAsNull(value);
        if (address == null) {
            throw invalid(property, value, "missing");
        }
        try {
            InetAddress.getByName(address);
            return address;
        } catch (UnknownHostException e) {
            throw invalid(property, value, "cannot be resolved");
        }
    }

    /** Checked by the store's own rule (a file must hold the largest message), so the two cannot disagree. */
    private static int commitLogFileSize(Path storeDir, Integer value) throws ResourceAdapterInternalException {
        if (value == null) {
            throw invalid("mappedFileSizeCommitLog", value, "missing");
        }
        try {
            StoreConfig.builder(storeDir).mappedFileSizeCommitLog(value).build();
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid("mappedFileSizeCommitLog", value, e.getMessage());
        }
    }

    private static BrokerMode mode(String value) throws ResourceAdapterInternalException {
        try {
            return BrokerMode.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("mode", value, "not one of " + Arrays.toString(BrokerMode.values()));
        }
    }

    /** {@code host:port} entries separated by {@code ;}, as RocketMQ writes name server lists. */
    private static String nameServers(String value) throws ResourceAdapterInternalException {
        if (value == null) {
            throw invalid("namesrvAddr", value, "mode REMOTE needs the name servers (host:port;host:port)");
        }
        for (String address : value.split(";")) {
            int colon = address.trim().lastIndexOf(':');
            if (colon <= 0 || !isPort(address.trim().substring(colon + 1))) {
                throw invalid("namesrvAddr", value, "'" + address.trim() + "' is not host:port");
            }
        }
        return value.trim();
    }

    private static boolean isPort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int port(String property, Integer value) throws ResourceAdapterInternalException {
        if (value == null || value < 0 || value > 65535) {
            throw invalid(property, value, "not a port (1..65535, or 0 for any free port)");
        }
        return value;
    }

    private static Path storeDir(String value) throws ResourceAdapterInternalException {
        String dir = blankAsNull(value);
        if (dir == null) {
            return defaultStoreDir();
        }
        try {
            return Path.of(dir).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw invalid("storeDir", value, e.getMessage());
        }
    }

    /** Under the first server directory that is set (see {@link #SERVER_DIRECTORIES}); elsewhere the working directory. */
    static Path defaultStoreDir() {
        String base = SERVER_DIRECTORIES.stream().map(System::getProperty).filter(Objects::nonNull).findFirst()
                .orElse(System.getProperty("user.dir"));
        return Path.of(base).resolve(STORE_SUBDIRECTORY).toAbsolutePath();
    }

    private static FlushDiskType flushType(String value) throws ResourceAdapterInternalException {
        try {
            return FlushDiskType.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("flushType", value, "not one of " + Arrays.toString(FlushDiskType.values()));
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ResourceAdapterInternalException invalid(String property, Object value, String why) {
        return new ResourceAdapterInternalException(
                "Bolide resource adapter: config property " + property + " = '" + value + "': " + why);
    }
}
