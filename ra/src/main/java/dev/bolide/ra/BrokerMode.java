package dev.bolide.ra;

/** Where the adapter's broker runs: the value of its {@code mode} property. */
public enum BrokerMode {
    /** The adapter starts a broker and its name server inside the application server. */
    EMBEDDED,
    /** The adapter connects to the name servers of {@code namesrvAddr}. */
    REMOTE
}
