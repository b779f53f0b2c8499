package dev.bolide.broker.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The command line of RocketMQ's {@code mqbroker} and {@code mqnamesrv}, with the option letters and
 * long names of their BrokerStartup and NamesrvStartup: {@code -c} the configuration file, {@code -p}
 * print every setting and exit, {@code -h} help; the broker also takes {@code -n} (the name servers)
 * and {@code -m} (print the important settings and exit).
 */
final class LaunchOptions {
    /** Which settings to print instead of starting. */
    enum Printing { NONE, ALL, IMPORTANT }

    /** A broker's options or a name server's. */
    enum Server { BROKER, NAME_SERVER }

    private static final String NAMESRV_ADDR = "namesrvAddr";
    private static final String NAMESRV_LISTEN_PORT = "namesrvListenPort";
    /** Where RocketMQ's broker finds its name servers when neither the file nor {@code -n} names them. */
    private static final String NAMESRV_ADDR_PROPERTY = "rocketmq.namesrv.addr";
    private static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";

    private final Server server;
    private final CommandLine line;

    private LaunchOptions(Server server, CommandLine line) {
        this.server = server;
        this.line = line;
    }

    private static Options options(Server server) {
        Options options = new Options()
                .addOption(Option.builder("c").longOpt("configFile").hasArg().argName("file")
                        .desc(server == Server.BROKER ? "broker.conf" : "namesrv.conf").build())
                .addOption(Option.builder("p").longOpt("printConfigItem").desc("print every setting and exit").build())
                .addOption(Option.builder("h").longOpt("help").desc("print this help").build());
        if (server == Server.BROKER) {
            options.addOption(Option.builder("n").longOpt("namesrvAddr").hasArg().argName("host:port;host:port")
                    .desc("the name servers to register with; no embedded name server unless the file sets "
                            + NAMESRV_LISTEN_PORT).build())
                    .addOption(Option.builder("m").longOpt("printImportantConfig")
                            .desc("print the important settings and exit").build());
        }
        return options;
    }

    /** @throws ParseException for an unknown option, a missing value or a stray argument */
    static LaunchOptions parse(Server server, String... args) throws ParseException {
        CommandLine line = new DefaultParser().parse(options(server), args);
        if (!line.getArgList().isEmpty()) {
            throw new ParseException("unexpected argument " + line.getArgList().get(0));
        }
        return new LaunchOptions(server, line);
    }

    /** The options, or exits after printing the help: status 0 if asked for, 1 after a bad option. */
    static LaunchOptions parseOrExit(String command, Server server, String... args) {
        int status;
        try {
            LaunchOptions options = parse(server, args);
            if (!options.line.hasOption('h')) {
                return options;
            }
            printHelp(command, server, new PrintWriter(System.out, true));
            status = 0;
        } catch (ParseException e) {
            System.err.println(command + ": " + e.getMessage());
            printHelp(command, server, new PrintWriter(System.err, true));
            status = 1;
        }
        System.exit(status);
        throw new AssertionError("System.exit returned");
    }

    private static void printHelp(String command, Server server, PrintWriter out) {
        HelpFormatter help = new HelpFormatter();
        help.printHelp(out, help.getWidth(), command, null, options(server), help.getLeftPadding(),
                help.getDescPadding(), null, true);
    }

    Optional<Path> configFile() {
        return Optional.ofNullable(line.getOptionValue('c')).map(Path::of);
    }

    Printing printing() {
        if (line.hasOption('p')) {
            return Printing.ALL;
        }
        return line.hasOption('m') ? Printing.IMPORTANT : Printing.NONE;
    }

    /**
     * The configuration file's keys (none without {@code -c}), with {@code -n} as {@code namesrvAddr};
     * a broker given neither takes RocketMQ's {@code -Drocketmq.namesrv.addr}, then the environment's
     * {@code NAMESRV_ADDR}. Name servers named so also turn the embedded one off unless the file sets
     * {@code namesrvListenPort}: with RocketMQ's scripts the name server is {@code mqnamesrv}, often on
     * the same host and port 9876.
     */
    Properties properties() throws IOException {
        return properties(System.getProperty(NAMESRV_ADDR_PROPERTY, System.getenv(NAMESRV_ADDR_ENV)));
    }

    /** @param namesrvAddrDefault the name servers of the environment, or null */
    Properties properties(String namesrvAddrDefault) throws IOException {
        Properties properties = new Properties();
        Optional<Path> file = configFile();
        if (file.isPresent()) {
            try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(file.get().toString(), null, "no such configuration file (-c)");
            } catch (FileSystemException e) {
                throw e; // names the file already (permission denied, ...)
            } catch (IOException e) {
                // e.g. a directory: "Is a directory", without the path
                throw new FileSystemException(file.get().toString(), null,
                        "cannot read the configuration file (-c): " + e.getMessage());
            }
        }
        String namesrvAddr = line.getOptionValue('n');
        if (namesrvAddr == null && server == Server.BROKER && !properties.containsKey(NAMESRV_ADDR)
                && namesrvAddrDefault != null && !namesrvAddrDefault.isBlank()) {
            namesrvAddr = namesrvAddrDefault;
        }
        if (namesrvAddr != null) {
            properties.setProperty(NAMESRV_ADDR, namesrvAddr);
            properties.putIfAbsent(NAMESRV_LISTEN_PORT, Integer.toString(-1));
        }
        return properties;
    }
}
