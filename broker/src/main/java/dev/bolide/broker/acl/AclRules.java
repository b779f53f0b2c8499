package dev.bolide.broker.acl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code plain_acl.yml} says: addresses whose requests are let through whoever sends them,
 * and the accounts by access key.
 */
record AclRules(List<RemoteAddressPattern> globalWhiteRemoteAddresses, Map<String, Account> accounts) {

    AclRules {
        globalWhiteRemoteAddresses = List.copyOf(globalWhiteRemoteAddresses);
        accounts = Map.copyOf(accounts);
    }

    boolean isGloballyWhite(String host) {
        return globalWhiteRemoteAddresses.stream().anyMatch(pattern -> pattern.matches(host));
    }

    Optional<Account> account(String accessKey) {
        return Optional.ofNullable(accounts.get(accessKey));
    }
}
