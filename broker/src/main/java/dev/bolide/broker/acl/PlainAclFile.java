package dev.bolide.broker.acl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads RocketMQ 4.9's {@code plain_acl.yml}: {@code globalWhiteRemoteAddresses} and {@code accounts}
 * ({@code accessKey}, {@code secretKey}, {@code whiteRemoteAddress}, {@code admin},
 * {@code defaultTopicPerm}, {@code defaultGroupPerm}, {@code topicPerms}, {@code groupPerms});
 * other keys ({@code dataVersion}) are skipped, as RocketMQ skips them.
 *
 * <p>The YAML is only composed into nodes, never turned into objects, so no tag in the file can
 * make the parser build a class; the nodes keep their line, which every error names. Where RocketMQ
 * quietly reads a mistake as something (an unknown permission as DENY, a repeated access key as
 * its first entry), Bolide refuses the file instead: the operator learns of it at once.
 */
final class PlainAclFile {
    /** RocketMQ's {@code AclConstants}: keys must be longer than this. */
    private static final int KEY_MIN_LENGTH = 6;

    private final Path file;

    private PlainAclFile(Path file) {
        this.file = file;
    }

    /** @param text the file's content */
    static AclRules parse(Path file, String text) throws AclFileException {
        return new PlainAclFile(file).rules(text);
    }

    private AclRules rules(String text) throws AclFileException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new AclFileException(file, e.getProblemMark().getLine() + 1, e.getProblem());
        } catch (YAMLException e) {
            throw new AclFileException(file, "not YAML: " + e.getMessage(), e);
        }
        List<RemoteAddressPattern> white = new ArrayList<>();
        Map<String, Account> accounts = new HashMap<>();
        if (root == null) {
            return new AclRules(white, accounts);
        }
        for (NodeTuple entry : mapping(root).getValue()) {
            switch (scalar(entry.getKeyNode())) {
                case "globalWhiteRemoteAddresses" -> {
                    for (Node address : sequence(entry.getValueNode())) {
                        white.add(pattern(address));
                    }
                }
                case "accounts" -> {
                    for (Node account : sequence(entry.getValueNode())) {
                        add(account(account), accounts, account);
                    }
                }
                default -> {
                    // dataVersion and anything else RocketMQ does not read either
                }
            }
        }
        return new AclRules(white, accounts);
    }

    private void add(Account account, Map<String, Account> accounts, Node node) throws AclFileException {
        if (accounts.putIfAbsent(account.accessKey(), account) != null) {
            throw error(node, "accessKey " + account.accessKey() + " is listed twice");
        }
    }

    private Account account(Node node) throws AclFileException {
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple entry : mapping(node).getValue()) {
            fields.put(scalar(entry.getKeyNode()), entry.getValueNode());
        }
        String accessKey = key(fields, "accessKey", node);
        String secretKey = key(fields, "secretKey", node);
        Map<String, Byte> permissions = new HashMap<>();
        resources(fields.get("topicPerms"), "", permissions);
        resources(fields.get("groupPerms"), Resources.RETRY_PREFIX, permissions);
        return new Account(accessKey, secretKey, pattern(fields.get("whiteRemoteAddress")),
                admin(fields.get("admin")), permission(fields.get("defaultTopicPerm")),
                permission(fields.get("defaultGroupPerm")), permissions);
    }

    private String key(Map<String, Node> fields, String name, Node account) throws AclFileException {
        Node value = fields.get(name);
        String key = value == null ? "" : scalar(value);
        if (key.length() <= KEY_MIN_LENGTH) {
            throw error(value == null ? account : value, name + " must be longer than " + KEY_MIN_LENGTH
                    + " characters, as RocketMQ requires");
        }
        return key;
    }

    /** Entries {@code name=PERM}; groups are keyed by their retry topic, as RocketMQ keys them. */
    private void resources(Node node, String prefix, Map<String, Byte> permissions) throws AclFileException {
        for (Node entry : sequence(node)) {
            String[] parts = scalar(entry).split("=");
            if (parts.length != 2 || parts[0].isBlank()) {
                throw error(entry, "'" + scalar(entry) + "' is not name=PERM");
            }
            try {
                permissions.put(prefix + parts[0].trim(), Permission.parse(parts[1]));
            } catch (IllegalArgumentException e) {
                throw error(entry, e.getMessage());
            }
        }
    }

    /** Absent: DENY, as in RocketMQ. */
    private byte permission(Node node) throws AclFileException {
        String text = node == null ? "" : scalar(node);
        if (text.isEmpty()) {
            return Permission.DENY;
        }
        try {
            return Permission.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
    }

    private boolean admin(Node node) throws AclFileException {
        String text = node == null ? "" : scalar(node).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw error(node, "admin must be true or false");
        };
    }

    private RemoteAddressPattern pattern(Node node) throws AclFileException {
        try {
            return RemoteAddressPatterns.parse(node == null ? null : scalar(node));
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
    }

    private MappingNode mapping(Node node) throws AclFileException {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, "expected key: value pairs");
    }

    /** A missing or empty list is an empty list. */
    private List<Node> sequence(Node node) throws AclFileException {
        if (node == null || node instanceof ScalarNode scalar && scalar(scalar).isEmpty()) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        throw error(node, "expected a list");
    }

    /** YAML's null ({@code ~}, {@code null}, nothing) is the empty text: the value is absent. */
    private String scalar(Node node) throws AclFileException {
        if (node instanceof ScalarNode scalar) {
            return Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue().trim();
        }
        throw error(node, "expected a single value");
    }

    private AclFileException error(Node node, String problem) {
        return new AclFileException(file, node.getStartMark().getLine() + 1, problem);
    }
}
