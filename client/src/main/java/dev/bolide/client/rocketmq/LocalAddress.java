package dev.bolide.client.rocketmq;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * This host's IPv4 address as brokers see clients: the first non-loopback one, else loopback. It
 * goes into the client id and into the unique message ids.
 */
final class LocalAddress {
    static final InetAddress IPV4 = find();

    private LocalAddress() {
    }

    private static InetAddress find() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                            return address;
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: loopback it is
        }
        return InetAddress.getLoopbackAddress();
    }
}
