package dev.bolide.broker.acl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads remote-address patterns the way RocketMQ 4.9's {@code RemoteAddressStrategyFactory} does:
 * blank matches nothing; {@code *}, {@code *.*.*.*} or {@code *:*:*:*:*:*:*:*} matches everything;
 * {@code 192.168.1.{1,2}} and {@code 10.0.0.1,10.0.0.2} are sets of addresses; {@code 192.168.*} or
 * {@code 192.168.1-10.*} is a range on the first component written as {@code *} or {@code a-b} (the
 * components after it are not looked at, as in RocketMQ); anything else is one IPv4 or IPv6 address.
 * IPv6 ranges are refused: Bolide does not read them, and a pattern it cannot read must not widen
 * or narrow access silently.
 */
final class RemoteAddressPatterns {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Set<String> EVERYTHING = Set.of("*", "*.*.*.*", "*:*:*:*:*:*:*:*");

    private RemoteAddressPatterns() {
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    static RemoteAddressPattern parse(String text) {
        if (text == null || text.isBlank()) {
            return RemoteAddressPattern.NONE;
        }
        String pattern = text.trim();
        if (EVERYTHING.contains(pattern)) {
            return RemoteAddressPattern.ANY;
        }
        if (pattern.endsWith("}")) {
            return braces(pattern);
        }
        if (pattern.contains(",")) {
            return set(pattern.split(","));
        }
        if (pattern.contains("*") || pattern.contains("-")) {
            return range(pattern);
        }
        String address = canonical(pattern);
        return host -> address.equals(canonicalOrNull(host));
    }

    private static RemoteAddressPattern braces(String pattern) {
        int open = pattern.lastIndexOf('{');
        char separator = pattern.contains(":") ? ':' : '.';
        if (open < 1 || pattern.charAt(open - 1) != separator) {
            throw new IllegalArgumentException("'" + pattern + "': the {...} set must be the last component");
        }
        String prefix = pattern.substring(0, open);
        String[] members = pattern.substring(open + 1, pattern.length() - 1).split(",");
        return set(Arrays.stream(members).map(member -> prefix + member.trim()).toArray(String[]::new));
    }

    private static RemoteAddressPattern set(String[] addresses) {
        Set<String> members = new HashSet<>();
        for (String address : addresses) {
            members.add(canonical(address.trim()));
        }
        return host -> members.contains(canonicalOrNull(host));
    }

    private static RemoteAddressPattern range(String pattern) {
        if (pattern.contains(":")) {
            throw new IllegalArgumentException("'" + pattern + "': IPv6 ranges are not supported; list the addresses");
        }
        String[] components = pattern.split("\\.");
        for (int index = 1; index < Math.min(components.length, 4); index++) {
            String component = components[index].trim();
            if (component.equals("*") || component.contains("-")) {
                int[] bounds = component.equals("*") ? new int[] {0, 255} : bounds(pattern, component);
                String head = head(pattern, components, index);
                int position = index;
                return host -> IPV4.matcher(host).matches() && host.startsWith(head)
                        && within(Integer.parseInt(host.split("\\.")[position]), bounds);
            }
        }
        throw new IllegalArgumentException("'" + pattern + "': a range needs * or a-b in its second to fourth "
                + "component");
    }

    private static String head(String pattern, String[] components, int index) {
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < index; i++) {
            component(pattern, components[i]);
            head.append(components[i].trim()).append('.');
        }
        return head.toString();
    }

    private static int[] bounds(String pattern, String range) {
        String[] ends = range.split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("'" + pattern + "': '" + range + "' is not a range a-b");
        }
        int start = component(pattern, ends[0]);
        int end = component(pattern, ends[1]);
        if (start > end) {
            throw new IllegalArgumentException("'" + pattern + "': the range " + range + " is empty");
        }
        return new int[] {start, end};
    }

    private static int component(String pattern, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0 && value <= 255) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the pattern
        }
        throw new IllegalArgumentException("'" + pattern + "': '" + text + "' is not a number from 0 to 255");
    }

    private static boolean within(int value, int[] bounds) {
        return value >= bounds[0] && value <= bounds[1];
    }

    /** One address as the client's address is written, so that equal addresses compare equal. */
    private static String canonical(String address) {
        String canonical = canonicalOrNull(address);
        if (canonical == null) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 or IPv6 address");
        }
        return canonical;
    }

    /** Only literals are parsed: a host name here must never cause a DNS lookup. */
    private static String canonicalOrNull(String address) {
        if (IPV4.matcher(address).matches()) {
            return Arrays.stream(address.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255)
                    ? address : null;
        }
        if (!IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            String canonical = InetAddress.getByName(address).getHostAddress();
            int scope = canonical.indexOf('%');
            return scope < 0 ? canonical : canonical.substring(0, scope);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
