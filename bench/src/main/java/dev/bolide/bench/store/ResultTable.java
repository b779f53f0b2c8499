package dev.bolide.bench.store;

import java.util.List;
import java.util.Locale;

/** The harness's report: one line per store run, then warnings about runs that cannot be trusted. */
final class ResultTable {
    private static final String FORMAT = "%5s  %-11s  %7s  %12s  %8s  %6s  %-21s  %14s  %6s  %s%n";

    private ResultTable() {
    }

    static String render(String heading, List<ResultRow> rows) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(line("size", "flush", "threads", "appends/s", "MB/s", "batch", "baseline", "baseline rec/s",
                "ratio", "target"));
        for (ResultRow row : rows) {
            out.append(line(row.messageSize(), row.flushDiskType(), row.threads(), decimal(row.appendsPerSecond(), 0),
                    decimal(row.megabytesPerSecond(), 1), decimal(row.batchSize(), 1), row.baseline(),
                    decimal(row.baselineRecordsPerSecond(), 0), decimal(row.ratio(), 2), verdict(row)));
        }
        for (ResultRow row : rows) {
            if (row.flushTimeouts() > 0) {
                out.append(String.format(Locale.ROOT, "WARNING: %d appends (%d B, %s, %d threads) got "
                        + "FLUSH_DISK_TIMEOUT: the disk did not keep up%n", row.flushTimeouts(), row.messageSize(),
                        row.flushDiskType(), row.threads()));
            }
        }
        return out.toString();
    }

    private static String line(Object... cells) {
        return String.format(Locale.ROOT, FORMAT, cells);
    }

    private static String decimal(double value, int places) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static String verdict(ResultRow row) {
        double target = row.target();
        if (Double.isNaN(target)) {
            return "";
        }
        return String.format(Locale.ROOT, ">=%.2f %s", target, row.ratio() >= target ? "ok" : "MISS");
    }
}
