package dev.bolide.tck.apache;

import static org.awaitility.Awaitility.await;

import dev.bolide.tck.mqadmin.AdminTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apache RocketMQ 4.9.7 name server and broker, two child JVMs on the jars Maven Central
 * publishes ({@code bench/rocketmq-dist} copies them; the path comes from the system property
 * {@code rocketmq.reference.lib}), started once per test class on free loopback ports with a store
 * in a new temporary directory, and killed (both, with the directory) after the class. Register it
 * as {@code @RegisterExtension static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();}, or
 * with {@link #withAcl} for a broker with {@code aclEnable = true}.
 *
 * <p>Kept independent of the load harness's launcher in {@code bench}: tck-tests may not depend on
 * bench, and what a test needs (one fixed configuration, awaitility, kill at the end) is a fraction
 * of the harness's.
 */
public final class ApacheRocketMqBroker implements BeforeAllCallback, AfterAllCallback {
    private static final String BROKER_NAME = "apache-broker";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOGBACK = """
            <configuration>
              <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                <file>${user.home}/logs/%s.log</file>
                <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level %%logger{20} - %%msg%%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="FILE"/></root>
            </configuration>
            """;

    private final String plainAclYml;
    private final RPCHook adminHook;
    private final List<String> extraBrokerConf;
    private final StoreSeed seed;
    private final List<Process> processes = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::killAll, "apache-rocketmq-kill");
    private DefaultMQAdminExt admin;
    private Path directory;
    private int nameServerPort;
    private int brokerPort;

    /** A broker with the fixture's {@code broker.conf}: 64 MiB CommitLog segments, auto-created topics. */
    public ApacheRocketMqBroker() {
        this(null, null, List.of(), null);
    }

    /**
     * @param extraBrokerConf further {@code broker.conf} lines; a key given again replaces the
     *                        fixture's value (a properties file keeps the last one)
     */
    public ApacheRocketMqBroker(String... extraBrokerConf) {
        this(null, null, List.of(extraBrokerConf), null);
    }

    private ApacheRocketMqBroker(String plainAclYml, RPCHook adminHook, List<String> extraBrokerConf, StoreSeed seed) {
        this.plainAclYml = plainAclYml;
        this.adminHook = adminHook;
        this.extraBrokerConf = extraBrokerConf;
        this.seed = seed;
    }

    /** Writes a store that another broker wrote into the directory RocketMQ will open, before it starts. */
    @FunctionalInterface
    public interface StoreSeed {
        void writeInto(Path storeDirectory) throws Exception;
    }

    /**
     * A broker started on a store that {@code seed} writes first (Bolide's, say): what a user going
     * back from Bolide to Apache RocketMQ does.
     *
     * @param extraBrokerConf as in {@link #ApacheRocketMqBroker(String...)}: the sizes the store was written with
     */
    public static ApacheRocketMqBroker onStore(StoreSeed seed, String... extraBrokerConf) {
        return new ApacheRocketMqBroker(null, null, List.of(extraBrokerConf), seed);
    }

    /**
     * A broker with {@code aclEnable = true} reading {@code plainAclYml} from
     * {@code $ROCKETMQ_HOME/conf/plain_acl.yml}; the fixture's own admin requests are signed by
     * {@code adminHook}, which must sign for an admin account.
     */
    public static ApacheRocketMqBroker withAcl(String plainAclYml, RPCHook adminHook) {
        return new ApacheRocketMqBroker(plainAclYml, adminHook, List.of(), null);
    }

    /** The {@code plain_acl.yml} the broker reads (and watches), under its RocketMQ home. */
    public Path aclFile() {
        return directory.resolve("conf").resolve("plain_acl.yml");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path lib = Path.of(System.getProperty("rocketmq.reference.lib", "../bench/rocketmq-dist/target/rocketmq-4.9.7/lib"));
        if (!Files.isRegularFile(lib.resolve("rocketmq-broker-4.9.7.jar"))) {
            throw new IllegalStateException(lib.toAbsolutePath() + " holds no rocketmq-broker-4.9.7.jar: build"
                    + " bench/rocketmq-dist first (the reactor does so before tck-tests)");
        }
        directory = Files.createTempDirectory("apache-rocketmq-");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        writeLogbackConfiguration();
        if (plainAclYml != null) {
            Files.writeString(aclFile(), plainAclYml);
        }
        if (seed != null) {
            seed.writeInto(storeDirectory());
        }
        // the name server's port, then the broker's VIP channel (listenPort - 2), one unused,
        // listenPort and HA (listenPort + 1)
        nameServerPort = firstOfFreePorts(5);
        brokerPort = nameServerPort + 3;
        Path namesrvConf = Files.writeString(directory.resolve("namesrv.conf"), "listenPort = " + nameServerPort + "\n");
        start("namesrv", "128m", "org.apache.rocketmq.namesrv.NamesrvStartup", lib, "-c", namesrvConf.toString());
        start("broker", "256m", "org.apache.rocketmq.broker.BrokerStartup", lib,
                "-c", writeBrokerConf().toString(), "-n", nameServerAddress());
        awaitRegistration();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (admin != null) {
            admin.shutdown();
        }
        killAll();
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    public String brokerName() {
        return BROKER_NAME;
    }

    public String brokerAddress() {
        return "127.0.0.1:" + brokerPort;
    }

    /** This name server and broker, for the mqadmin contract tests. */
    public AdminTarget target() {
        return new AdminTarget(nameServerAddress(), brokerAddress(), BROKER_NAME, "DefaultCluster");
    }

    /** Both programs insist on a ROCKETMQ_HOME with {@code conf/logback_*.xml}, which the jars do not ship. */
    private void writeLogbackConfiguration() throws IOException {
        Path conf = Files.createDirectories(directory.resolve("conf"));
        for (String program : List.of("namesrv", "broker")) {
            Files.writeString(conf.resolve("logback_" + program + ".xml"), LOGBACK.formatted(program));
        }
    }

    /** Where the broker keeps its store ({@code storePathRootDir}); removed with the fixture after the class. */
    public Path storeDirectory() {
        return directory.resolve("store");
    }

    public int brokerPort() {
        return brokerPort;
    }

    /** The fixture's admin client, started and connected to the name server. */
    public DefaultMQAdminExt admin() {
        return admin;
    }

    private Path writeBrokerConf() throws IOException {
        Path store = storeDirectory();
        List<String> lines = new ArrayList<>(List.of(
                "brokerClusterName = DefaultCluster",
                "brokerName = " + BROKER_NAME,
                "brokerId = 0",
                "brokerIP1 = 127.0.0.1",
                "listenPort = " + brokerPort,
                "storePathRootDir = " + store,
                "storePathCommitLog = " + store.resolve("commitlog"),
                "mappedFileSizeCommitLog = 67108864",
                "flushDiskType = ASYNC_FLUSH",
                "enablePropertyFilter = true",
                "autoCreateTopicEnable = true",
                "aclEnable = " + (plainAclYml != null),
                // on a loaded build machine RocketMQ refuses sends as "broker busy" once one waited
                // 200 ms in its queue (TIMEOUT_CLEAN_QUEUE) or held the CommitLog 1 s: the tests are
                // about behaviour, not load
                "waitTimeMillsInSendQueue = 10000",
                "osPageCacheBusyTimeOutMills = 10000"));
        lines.addAll(extraBrokerConf);
        return Files.write(directory.resolve("broker.conf"), lines);
    }

    /** Starts a JVM and waits for the line the program prints once it serves, as its start script does. */
    private void start(String program, String heap, String mainClass, Path lib, String... arguments)
            throws IOException {
        Path output = directory.resolve(program + ".out");
        // RocketMQ 4.9 unmaps its files through DirectByteBuffer and Cleaner internals; without these
        // opens its shutdown hook fails on Java 17 and leaves the store as after a crash (abort kept)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap, "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
                "-Duser.home=" + directory,
                "-Drocketmq.home.dir=" + directory, "-cp", lib.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        processes.add(process);
        await(program + " started").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> !process.isAlive() || outputOf(output).contains("boot success"));
        if (!process.isAlive()) {
            throw new IllegalStateException("Apache RocketMQ " + program + " exited with " + process.exitValue()
                    + ":\n" + outputOf(output));
        }
    }

    private static String outputOf(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    /** "boot success" comes before the broker's first registration with the name server. */
    private void awaitRegistration() throws Exception {
        admin = adminHook == null ? new DefaultMQAdminExt() : new DefaultMQAdminExt(adminHook);
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName("fixture-" + System.nanoTime());
        admin.start();
        await("broker registered with the name server").atMost(START_TIMEOUT).ignoreExceptions()
                .until(() -> admin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey(BROKER_NAME));
    }

    /**
     * Creates {@code topic} with 4 queues, as {@code mqadmin updateTopic} does, and waits until the
     * name server routes it: what an operator does before a consumer subscribes on Apache RocketMQ.
     */
    public void createTopic(String topic) throws Exception {
        createTopic(new TopicConfig(topic, 4, 4, PermName.PERM_READ | PermName.PERM_WRITE));
    }

    /** Creates or updates a topic as {@code mqadmin updateTopic} does, and waits until the name server routes it. */
    public void createTopic(TopicConfig topic) throws Exception {
        admin.createAndUpdateTopicConfig(brokerAddress(), topic);
        await("route of " + topic.getTopicName()).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> !admin.examineTopicRouteInfo(topic.getTopicName()).getQueueDatas().isEmpty());
    }

    /**
     * Stops broker and name server with SIGTERM, as {@code mqshutdown} does, and waits for them to
     * exit: the broker's shutdown hook flushes the store, writes {@code config/*.json} and removes
     * the {@code abort} file, so that its store is left as after a clean stop.
     */
    public void stop() throws InterruptedException {
        admin.shutdown();
        admin = null;
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Apache RocketMQ did not stop within 60 s of SIGTERM");
            }
        }
        processes.clear();
    }

    /** Kills broker and name server with SIGKILL, as {@code kill -9} does: no shutdown hook runs. */
    public void kill() {
        admin.shutdown();
        admin = null;
        killAll();
    }

    /** SIGKILL, the broker before its name server: a test broker's store is thrown away, no clean shutdown needed. */
    private void killAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        processes.clear();
    }

    /** The first of {@code count} consecutive ports, free a moment ago, below the ephemeral range. */
    private static int firstOfFreePorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (Stream.iterate(first, port -> port + 1).limit(count).allMatch(ApacheRocketMqBroker::free)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports between 20000 and 32000");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
