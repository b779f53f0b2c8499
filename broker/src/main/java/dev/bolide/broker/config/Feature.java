package dev.bolide.broker.config;

/** The part of the broker that reads a setting: it groups the README's table and the docs. */
public enum Feature {
    BROKER("Broker: identity, ports, topics and filters"),
    NAME_SERVER("Name servers"),
    STORE("Store: files, flush, index and retention"),
    DELAY("Delay levels"),
    TRANSACTIONS("Transactions and XA branches"),
    TIMER("Timer (RocketMQ 5 timer messages)"),
    REPLICATION("Master/slave replication"),
    ACCESS_CONTROL("Access control"),
    CONSOLE("Console and metrics"),
    TLS("TLS");

    private final String title;

    Feature(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
