package dev.bolide.bench.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The side-by-side table: for each workload, every broker's msgs/s and send latencies (medians of
 * the rounds), then Bolide's rate as a multiple of the reference's (Apache RocketMQ 4.9.7 as
 * released) against the target, and as a multiple of the best other broker's; then the CPU each
 * broker and its client spent per message; then every figure that cannot be trusted, with the reason.
 * Ratios are medians of each round's ratio: the brokers of a round ran one after the other, so a
 * burst of other work on the machine lands on one round's pair rather than on one broker's figures.
 */
final class LoadReport {
    /** Issue 20's targets, as multiples of RocketMQ 4.9.7: sends, consumption, and broker CPU per message. */
    static final double SEND_TARGET = 1.5;
    static final double CONSUME_TARGET = 2.0;
    static final double CPU_TARGET = 0.5;
    /** The first column: wide enough for "transactional send 1024 B, 32 threads". */
    private static final String LABEL = "%-38s";
    private static final String GROUP = "  %9s %6s %6s";
    private static final String TAIL = "  %6s  %-19s  %7s%n";

    private final List<Contender> contenders;
    private final Map<Contender, String> names;
    private final Map<Contender, List<RunFigures>> rounds;

    /** @param rounds each contender's figures, round by round, in the order of {@code contenders} */
    LoadReport(List<Contender> contenders, Map<Contender, String> names, Map<Contender, List<RunFigures>> rounds) {
        this.contenders = contenders;
        this.names = names;
        this.rounds = rounds;
    }

    String render(String heading) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, LABEL, ""));
        contenders.forEach(contender -> out.append(String.format(Locale.ROOT, "  %-23s", names.get(contender))));
        out.append(String.format(Locale.ROOT, TAIL, "Bolide", "target vs " + RocketMqEdition.VERSION_4,
                "Bolide")).append(String.format(Locale.ROOT, LABEL, "workload"));
        contenders.forEach(contender -> out.append(String.format(Locale.ROOT, GROUP, "msgs/s", "p50 ms", "p99 ms")));
        out.append(String.format(Locale.ROOT, TAIL, "/ ref", "", "/ best"));
        for (String workload : workloads()) {
            out.append(workloadLine(workload));
        }
        for (String phase : List.of("sends", "consumption", "transactional sends")) {
            out.append(cpuLine("broker CPU us/msg, " + phase, phase, CpuCost::brokerMicrosPerMessage, true));
            out.append(cpuLine("client CPU us/msg, " + phase, phase, CpuCost::clientMicrosPerMessage, false));
        }
        for (Contender contender : contenders) {
            for (RunFigures round : rounds.get(contender)) {
                round.workloads().stream().filter(measurement -> measurement.problem() != null)
                        .forEach(measurement -> out.append(String.format(Locale.ROOT, "WARNING: %s, %s: %s%n",
                                names.get(contender), measurement.workload(), measurement.problem())));
            }
        }
        return out.toString();
    }

    private String workloadLine(String workload) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, LABEL, workload));
        for (Contender contender : contenders) {
            line.append(String.format(Locale.ROOT, GROUP,
                    decimal(median(contender, figures -> measurement(figures, workload)
                            .map(Measurement::messagesPerSecond)), 0),
                    decimal(median(contender, figures -> measurement(figures, workload).map(Measurement::p50Millis)), 2),
                    decimal(median(contender, figures -> measurement(figures, workload).map(Measurement::p99Millis)),
                            2)));
        }
        Figure rate = figures -> measurement(figures, workload).map(Measurement::messagesPerSecond);
        double toReference = ratio(rate, Contender.REFERENCE);
        double toBest = ratioToBest(rate, Comparator.reverseOrder());
        double target = workload.startsWith("consume") ? CONSUME_TARGET : SEND_TARGET;
        String verdict = Double.isNaN(toReference) ? ""
                : String.format(Locale.ROOT, ">=%.2f %s", target, toReference >= target ? "ok" : "MISS")
                        + p99Verdict(workload);
        return line.append(String.format(Locale.ROOT, TAIL, decimal(toReference, 2), verdict, decimal(toBest, 2)))
                .toString();
    }

    /** Whether Bolide's median p99 is at or under the reference's, for a send workload. */
    private String p99Verdict(String workload) {
        Figure p99 = figures -> measurement(figures, workload).map(Measurement::p99Millis);
        double ours = median(Contender.BOLIDE, p99);
        double theirs = median(Contender.REFERENCE, p99);
        return Double.isNaN(ours) || Double.isNaN(theirs) ? "" : ", p99 " + (ours <= theirs ? "ok" : "MISS");
    }

    /** CPU per message: lower is better, so the best other broker is the one that spent least. */
    private String cpuLine(String row, String phase, ToDoubleFunction<CpuCost> perMessage, boolean hasTarget) {
        Figure figure = figures -> figures.cpu().stream().filter(cost -> cost.phase().equals(phase)).findFirst()
                .map(perMessage::applyAsDouble);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, LABEL, row));
        for (Contender contender : contenders) {
            line.append(String.format(Locale.ROOT, GROUP, decimal(median(contender, figure), 1), "", ""));
        }
        double toReference = ratio(figure, Contender.REFERENCE);
        String verdict = !hasTarget || Double.isNaN(toReference) ? "" : String.format(Locale.ROOT, "<=%.2f %s",
                CPU_TARGET, toReference <= CPU_TARGET ? "ok" : "MISS");
        return line.append(String.format(Locale.ROOT, TAIL, decimal(toReference, 2), verdict,
                decimal(ratioToBest(figure, Comparator.naturalOrder()), 2))).toString();
    }

    /** One figure of one round's run, if that run has it. */
    @FunctionalInterface
    private interface Figure {
        Optional<Double> of(RunFigures figures);
    }

    private static Optional<Measurement> measurement(RunFigures figures, String workload) {
        return figures.workloads().stream().filter(measurement -> measurement.workload().equals(workload))
                .findFirst();
    }

    private List<String> workloads() {
        List<String> workloads = new ArrayList<>();
        for (Contender contender : contenders) {
            for (RunFigures round : rounds.get(contender)) {
                round.workloads().stream().map(Measurement::workload).filter(workload -> !workloads.contains(workload))
                        .forEach(workloads::add);
            }
        }
        return workloads;
    }

    private double median(Contender contender, Figure figure) {
        List<RunFigures> measured = rounds.get(contender);
        return measured == null ? Double.NaN : median(measured.stream().map(figure::of).flatMap(Optional::stream)
                .toList());
    }

    /** The median over rounds of Bolide's figure over {@code other}'s in the same round. */
    private double ratio(Figure figure, Contender other) {
        List<RunFigures> theirs = rounds.get(other);
        return theirs == null ? Double.NaN
                : perRound(figure, (ours, round) -> figure.of(theirs.get(round)).map(their -> ours / their));
    }

    /** The median over rounds of Bolide's figure over the best other broker's of that round, {@code bestFirst}. */
    private double ratioToBest(Figure figure, Comparator<Double> bestFirst) {
        return perRound(figure, (ours, round) -> contenders.stream().filter(contender -> contender != Contender.BOLIDE)
                .map(contender -> figure.of(rounds.get(contender).get(round))).flatMap(Optional::stream)
                .sorted(bestFirst).findFirst().map(best -> ours / best));
    }

    @FunctionalInterface
    private interface RoundRatio {
        Optional<Double> of(double ours, int round);
    }

    private double perRound(Figure figure, RoundRatio ratio) {
        List<RunFigures> ours = rounds.get(Contender.BOLIDE);
        if (ours == null) {
            return Double.NaN;
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ours.size(); round++) {
            int index = round;
            figure.of(ours.get(round)).flatMap(value -> ratio.of(value, index)).ifPresent(ratios::add);
        }
        return median(ratios);
    }

    /** Of an even count, the lower middle, as the JMS harness: a figure some round measured. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(value -> !Double.isNaN(value)).sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
    }

    static String decimal(double value, int places) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** Collects rounds per contender in a run's order. */
    static Map<Contender, List<RunFigures>> emptyRounds(List<Contender> contenders) {
        Map<Contender, List<RunFigures>> rounds = new LinkedHashMap<>();
        contenders.forEach(contender -> rounds.put(contender, new ArrayList<>()));
        return rounds;
    }
}
