package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.bolide.broker.acl.WatchedAclFile;
import dev.bolide.broker.admin.OffsetReset;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.retry.DeadLetterResend;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.broker.topic.TopicDeletion;
import dev.bolide.broker.transaction.TransactionService;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's HTTP server: the JDK's own ({@code com.sun.net.httpserver}), on two threads of its
 * own, apart from the remoting threads, so that a slow scrape or page never delays a send or pull.
 * With access control on, every path asks for HTTP basic authentication with a {@code plain_acl.yml}
 * account (access key as user, secret key as password), and changes need an admin account. Every
 * change must come from a form of one of the console's own pages ({@link CsrfGuard}).
 */
public final class ConsoleServer implements AutoCloseable {
    private static final int THREADS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final WatchedAclFile acl;
    private final SecureRandom random = new SecureRandom();
    /** Signs the forms' tokens; new at each start, which makes a page loaded before the start reload. */
    private final byte[] formKey = new byte[32];

    private ConsoleServer(HttpServer server, ExecutorService executor, WatchedAclFile acl) {
        this.server = server;
        this.executor = executor;
        this.acl = acl;
        random.nextBytes(formKey);
    }

    /**
     * Listens on {@code address}, not yet serving.
     *
     * @param acl the accounts that may sign in; null: no access control, anyone reaching the address is served
     * @throws IllegalStateException naming the port and {@code consoleListenPort} when it cannot listen there
     */
    public static ConsoleServer listen(InetSocketAddress address, WatchedAclFile acl) throws IOException {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("consoleAddress = '" + address.getHostString()
                    + "': cannot resolve it");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new IllegalStateException("cannot listen on port " + address.getPort() + " (consoleListenPort) of "
                    + address.getHostString() + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "bolide-console");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        return new ConsoleServer(server, executor, acl);
    }

    /**
     * Serves {@code path} (and below it) with {@code handler}, behind the accounts when access
     * control is on, and behind the forms' tokens.
     */
    public ConsoleServer route(String path, HttpHandler handler) {
        HttpContext context = server.createContext(path, new CsrfGuard(random, formKey, handler));
        if (acl != null) {
            context.setAuthenticator(new AclAuthenticator(acl));
        }
        return this;
    }

    /**
     * The Messages page at {@code /messages}, each message's page below it, with its trace from
     * RMQ_SYS_TRACE_TOPIC and {@code msgTraceTopicName}.
     */
    public ConsoleServer messages(MessageStore store, TopicConfigTable topicTable, String msgTraceTopicName) {
        return route("/messages", new MessagesPage(store, topicTable, msgTraceTopicName));
    }

    /** The Dead letters page at {@code /dlq}, its re-send buttons below it. */
    public ConsoleServer deadLetters(MessageStore store, TopicConfigTable topicTable, DeadLetterResend resend) {
        return route("/dlq", new DeadLettersPage(store, topicTable, resend));
    }

    /** The Timers page at {@code /timers}, its numbers as JSON at {@code /api/timers}. */
    public ConsoleServer timers(TimersView timers) {
        ViewPage page = new ViewPage("/timers", () -> timers, token -> "");
        return route(page.path(), page).route(page.api(), page);
    }

    /** The reset of a group's offsets by time, the Consumer groups page's form, at {@code /groups/reset}. */
    public ConsoleServer groupCommands(OffsetReset reset, ConsumerOffsets offsets) {
        return route("/groups/", new GroupCommands(reset, offsets));
    }

    /** The Producers and connections page at {@code /connections}, its numbers as JSON at {@code /api/connections}. */
    public ConsoleServer connections(ConnectionsView connections) {
        ViewPage page = new ViewPage("/connections", () -> connections, token -> "");
        return route(page.path(), page).route(page.api(), page);
    }

    /** The Transactions page at {@code /transactions}, its commit and roll-back buttons below it. */
    public ConsoleServer transactions(TransactionService transactions) {
        return route("/transactions", new TransactionsPage(transactions));
    }

    /**
     * The console's pages: Cluster at {@code /}, Topics at {@code /topics} (with its forms at
     * {@code /topics/create} and {@code /topics/delete}), Consumer groups at {@code /groups}; each
     * with its numbers as JSON under {@code /api}.
     */
    public ConsoleServer pages(ClusterView cluster, TopicsView topics, GroupsView groups, TopicConfigTable topicTable,
            TopicDeletion deletion) {
        for (ViewPage page : List.of(new ViewPage("/", () -> cluster, token -> ""),
                new ViewPage("/topics", () -> topics, TopicsView::forms),
                new ViewPage("/groups", () -> groups, GroupsView::forms))) {
            route(page.path(), page);
            route(page.api(), page);
        }
        return route("/topics/", new TopicCommands(topicTable, deletion));
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
