package dev.bolide.bench.load;

import java.util.List;

/** Everything one run of the {@link WorkloadPlan} measured on one broker. */
record RunFigures(List<Measurement> workloads, List<CpuCost> cpu) {
}
