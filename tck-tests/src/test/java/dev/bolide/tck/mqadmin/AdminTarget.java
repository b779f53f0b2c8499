package dev.bolide.tck.mqadmin;

/** A name server and one master broker of a cluster that mqadmin commands are run against. */
public record AdminTarget(String nameServerAddress, String brokerAddress, String brokerName, String clusterName) {
}
