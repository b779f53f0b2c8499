package dev.bolide.broker.acl;

import dev.bolide.remoting.RequestGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@code plain_acl.yml} and the rules it last said correctly. It must be readable and well formed
 * when the broker starts ({@link #load} throws otherwise: the broker does not start open). Later,
 * {@link #reloadIfChanged()} (run every second) puts an edited file in force; an edit that makes
 * it unreadable or malformed leaves the last good rules in force and is logged once, never opening
 * access.
 */
public final class WatchedAclFile {
    private static final System.Logger LOG = System.getLogger(WatchedAclFile.class.getName());

    private final Path file;
    private volatile AclRules rules;
    /** The content last looked at, good or not: a file is parsed (and a bad one logged) once per edit. */
    private String lastSeen;

    private WatchedAclFile(Path file, String content, AclRules rules) {
        this.file = file;
        this.lastSeen = content;
        this.rules = rules;
    }

    /** @throws AclFileException naming the file (and the line) when it is missing, unreadable or malformed */
    public static WatchedAclFile load(Path file) throws AclFileException {
        String content = read(file);
        WatchedAclFile watched = new WatchedAclFile(file, content, PlainAclFile.parse(file, content));
        LOG.log(System.Logger.Level.INFO, "ACL file read: {0} accounts from {1}",
                watched.rules.accounts().size(), file);
        return watched;
    }

    /** The guard that checks every request against the rules in force at that moment. */
    public RequestGuard guard() {
        return new AccessControl(this::rules);
    }

    /**
     * The guard of an embedded name server: requests that change its state (registrations, route,
     * key-value and configuration changes) are checked, and need an admin account; reads are
     * served to anyone, as RocketMQ 4.9's name server serves them (it has no access control).
     */
    public RequestGuard nameServerGuard() {
        RequestGuard control = guard();
        return (channel, request) -> NameServerWrites.contains(request.code()) ? control.check(channel, request)
                : Optional.empty();
    }

    /**
     * The account of the rules in force whose keys these are; empty when there is none. The secret
     * is compared in constant time, so that timing tells nothing about it.
     */
    public Optional<SignedIn> signIn(String accessKey, String secretKey) {
        return rules.account(accessKey).filter(account -> MessageDigest.isEqual(
                account.secretKey().getBytes(StandardCharsets.UTF_8), secretKey.getBytes(StandardCharsets.UTF_8)))
                .map(account -> new SignedIn(account.accessKey(), account.admin()));
    }

    /**
     * The secret key of the account {@code accessKey} in the rules in force at each call, for this
     * broker to sign its own requests with; an empty key once the account is gone (the requests are
     * then refused, and say so).
     *
     * @throws AclFileException naming the file when it has no such account now
     */
    public Supplier<String> secretKeyOf(String accessKey) throws AclFileException {
        if (rules.account(accessKey).isEmpty()) {
            throw new AclFileException(file, "no account has accessKey " + accessKey, null);
        }
        return () -> rules.account(accessKey).map(Account::secretKey).orElse("");
    }

    /** The file watched. */
    Path file() {
        return file;
    }

    /** The rules in force. */
    AclRules rules() {
        return rules;
    }

    /** Puts the file's rules in force if it changed and is good; keeps the last good ones otherwise. */
    public synchronized void reloadIfChanged() {
        String content;
        try {
            content = read(file);
        } catch (AclFileException e) {
            // an editor may replace the file in two steps: only a lasting absence is worth a word
            if (!e.getMessage().equals(lastSeen)) {
                lastSeen = e.getMessage();
                keepRules(e);
            }
            return;
        }
        if (content.equals(lastSeen)) {
            return;
        }
        lastSeen = content;
        try {
            rules = PlainAclFile.parse(file, content);
            LOG.log(System.Logger.Level.INFO, "reloaded {0}: {1} accounts", file, rules.accounts().size());
        } catch (AclFileException e) {
            keepRules(e);
        }
    }

    private static void keepRules(AclFileException e) {
        LOG.log(System.Logger.Level.WARNING, "{0}; the rules read before stay in force", e.getMessage());
    }

    private static String read(Path file) throws AclFileException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AclFileException(file, "cannot read it (" + e + ")", e);
        }
    }
}
