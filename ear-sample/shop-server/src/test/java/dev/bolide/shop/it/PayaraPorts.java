package dev.bolide.shop.it;

/**
 * The test domain's ports. {@code bin/bolide-shop} creates it with Payara's {@code --portbase}, which
 * puts the admin listener at base + 48 and HTTP at base + 80; without a base the ports are Payara's
 * defaults.
 */
public record PayaraPorts(int admin, int http) {

    static PayaraPorts fromBuild() {
        Integer base = Integer.getInteger("shop.portBase");
        return base == null ? new PayaraPorts(4848, 8080) : new PayaraPorts(base + 48, base + 80);
    }
}
