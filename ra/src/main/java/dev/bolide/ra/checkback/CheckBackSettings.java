package dev.bolide.ra.checkback;

import dev.bolide.client.spi.ConnectionSettings;
import jakarta.resource.spi.InvalidPropertyException;
import java.util.regex.Pattern;

/**
 * A {@link CheckBackActivationSpec}'s properties, checked.
 *
 * @param nameServers the name servers of the brokers to answer; null for the adapter's own
 */
public record CheckBackSettings(String producerGroup, String nameServers) {
    /** RocketMQ's rule for group names. */
    private static final Pattern GROUP = Pattern.compile("[%|a-zA-Z0-9_-]{1,255}");

    public static CheckBackSettings check(CheckBackActivationSpec spec) throws InvalidPropertyException {
        String group = spec.getProducerGroup() == null ? "" : spec.getProducerGroup().trim();
        if (!GROUP.matcher(group).matches()) {
            throw invalid("producerGroup", spec.getProducerGroup(),
                    "a producer group name of 1 to 255 letters, digits, %, |, _ or -");
        }
        String override = spec.getNamesrvAddr() == null || spec.getNamesrvAddr().isBlank() ? null
                : spec.getNamesrvAddr().trim();
        if (override != null) {
            try {
                new ConnectionSettings(override, null, ConnectionSettings.DEFAULT_REQUEST_TIMEOUT, 0);
            } catch (IllegalArgumentException e) {
                throw invalid("namesrvAddr", spec.getNamesrvAddr(), e.getMessage());
            }
        }
        return new CheckBackSettings(group, override);
    }

    private static InvalidPropertyException invalid(String property, Object value, String why) {
        return new InvalidPropertyException("Bolide check-back activation: property " + property + " = '" + value
                + "': " + why);
    }
}
