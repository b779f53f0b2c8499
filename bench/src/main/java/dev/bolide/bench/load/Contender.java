package dev.bolide.bench.load;

import java.io.IOException;
import java.util.Locale;

/** A broker the comparison can run: a column of the table, named on the command line by {@link #option}. */
enum Contender {
    BOLIDE("bolide"),
    ROCKETMQ("rocketmq"),
    ROCKETMQ_TSP("rocketmq-tsp"),
    ROCKETMQ_5("rocketmq5");

    /** The reference of the targets: Apache RocketMQ 4.9.7 as released, with its defaults. */
    static final Contender REFERENCE = ROCKETMQ;

    private final String option;

    Contender(String option) {
        this.option = option;
    }

    String option() {
        return option;
    }

    static Contender ofOption(String name) {
        for (Contender contender : values()) {
            if (contender.option.equals(name.toLowerCase(Locale.ROOT))) {
                return contender;
            }
        }
        throw new IllegalArgumentException("no broker called " + name + "; there are bolide, rocketmq,"
                + " rocketmq-tsp and rocketmq5");
    }

    String columnName(HarnessOptions options) {
        return this == BOLIDE ? "Bolide" : edition(options).name();
    }

    BrokerProcess start(HarnessOptions options) throws IOException, InterruptedException {
        BrokerSetup setup = options.brokerSetup();
        return this == BOLIDE ? BolideBrokerProcess.start(setup, options.bolideJar(), options.bolideMetrics())
                : RocketMqBrokerProcess.start(setup, edition(options));
    }

    private RocketMqEdition edition(HarnessOptions options) {
        return switch (this) {
            case ROCKETMQ -> RocketMqEdition.version4(options.rocketMqLib());
            case ROCKETMQ_TSP -> RocketMqEdition.version4TransientStorePool(options.rocketMqLib());
            case ROCKETMQ_5 -> RocketMqEdition.version5(options.rocketMq5Lib());
            case BOLIDE -> throw new IllegalStateException("Bolide is no RocketMQ");
        };
    }
}
