package dev.bolide.broker.acl;

/**
 * A {@code plain_acl.yml} account whose access and secret keys were presented together, as the
 * console's HTTP basic authentication presents them.
 *
 * @param admin whether the account may change things (create or delete topics)
 */
public record SignedIn(String accessKey, boolean admin) {
}
