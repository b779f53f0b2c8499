package dev.bolide.broker.acl;

import dev.bolide.broker.metadata.DataVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Changes {@code plain_acl.yml} as RocketMQ 4.9's ACL admin requests change it: an account created
 * or updated field by field, an account removed, the global white addresses replaced, and each
 * change counted in the file's {@code dataVersion} ({@code [{counter, timestamp}]}). A change that
 * would make the file one the broker cannot read is refused before anything is written; the new file
 * replaces the old one atomically and is in force when the request is answered. Comments are lost,
 * as with RocketMQ.
 */
final class AclFileEditor {
    private static final String ACCOUNTS = "accounts";
    private static final String ACCESS_KEY = "accessKey";
    private static final String DATA_VERSION = "dataVersion";

    private final WatchedAclFile watched;
    private final Clock clock;

    AclFileEditor(WatchedAclFile watched, Clock clock) {
        this.watched = watched;
        this.clock = clock;
    }

    /**
     * Creates the account, or updates the fields {@code fields} has of an existing one, as RocketMQ
     * merges them.
     */
    synchronized void putAccount(Map<String, Object> fields) throws AclFileException, IOException {
        Map<String, Object> document = read();
        List<Map<String, Object>> accounts = accounts(document);
        Map<String, Object> account = accounts.stream().filter(a -> fields.get(ACCESS_KEY).equals(a.get(ACCESS_KEY)))
                .findFirst().orElseGet(() -> {
                    Map<String, Object> created = new LinkedHashMap<>();
                    accounts.add(created);
                    return created;
                });
        account.putAll(fields);
        write(document);
    }

    /** @return false when no account has {@code accessKey} */
    synchronized boolean deleteAccount(String accessKey) throws AclFileException, IOException {
        Map<String, Object> document = read();
        for (Iterator<Map<String, Object>> accounts = accounts(document).iterator(); accounts.hasNext();) {
            if (accessKey.equals(accounts.next().get(ACCESS_KEY))) {
                accounts.remove();
                write(document);
                return true;
            }
        }
        return false;
    }

    synchronized void setGlobalWhiteRemoteAddresses(List<String> addresses) throws AclFileException, IOException {
        Map<String, Object> document = read();
        document.put("globalWhiteRemoteAddresses", new ArrayList<>(addresses));
        write(document);
    }

    /** The version the file records; counter 0 for a file no request has changed. */
    synchronized DataVersion version() throws AclFileException, IOException {
        return version(read());
    }

    Path file() {
        return watched.file();
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> accounts(Map<String, Object> document) {
        Object accounts = document.get(ACCOUNTS);
        if (!(accounts instanceof List)) {
            accounts = new ArrayList<Map<String, Object>>();
            document.put(ACCOUNTS, accounts);
        }
        return (List<Map<String, Object>>) accounts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read() throws AclFileException, IOException {
        // the rules in force came from a good file; one broken since is not edited further
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        PlainAclFile.parse(file(), text);
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return document == null ? new LinkedHashMap<>() : (Map<String, Object>) document;
    }

    private void write(Map<String, Object> document) throws AclFileException, IOException {
        DataVersion next = version(document).next(clock.millis());
        Map<String, Object> stamp = new LinkedHashMap<>();
        stamp.put("counter", next.counter());
        stamp.put("timestamp", next.timestamp());
        document.put(DATA_VERSION, List.of(stamp));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text = new Yaml(options).dump(document);
        PlainAclFile.parse(file(), text);
        Path temporary = file().resolveSibling(file().getFileName() + ".writing");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        watched.reloadIfChanged();
    }

    private static DataVersion version(Map<String, Object> document) {
        Object recorded = document.get(DATA_VERSION);
        if (recorded instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> version) {
            return new DataVersion(number(version.get("counter")), number(version.get("timestamp")));
        }
        return new DataVersion(0, 0);
    }
}
