package dev.bolide.broker.acl;

/**
 * How RocketMQ's ACL names resources: a topic by its name, a consumer group by its retry topic,
 * so that one map holds both.
 */
final class Resources {
    static final String RETRY_PREFIX = "%RETRY%";

    private Resources() {
    }

    static String group(String group) {
        return RETRY_PREFIX + group;
    }

    static boolean isGroup(String resource) {
        return resource.startsWith(RETRY_PREFIX);
    }

    /** As RocketMQ's refusals name it: {@code topic:T} or {@code group:G}. */
    static String describe(String resource) {
        return isGroup(resource) ? "group:" + resource.substring(RETRY_PREFIX.length()) : "topic:" + resource;
    }
}
