// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.check.TargetReport;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compatibility check on in-memory snapshots ({@link SyntheticHost#snapshot()}): one source
 * host running the guest, one target, {@link MigrationCheck#check}.
 *
 * <ul>
 *   <li>{@code guest}: 2x2 (4 APQNs), 16x85 (1,360) and 256x256 (the full 65,536 matrix); the
 *       hosts have exactly the guest's adapters and domains.</li>
 *   <li>{@code rules}: both rule sets, {@code doc} and {@code v3}.</li>
 *   <li>{@code target}: {@code compatible} (same cards, mdev created), and {@code incompatible}:
 *       the guest's last adapter is an older CEX7 on the target, so every queue of it fails
 *       the hardware comparison and the report carries its findings and kernel log lines.</li>
 * </ul>
 * Targets: 4 APQNs within 2 us, 65,536 within 2 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CheckBenchmark {

    @Param({"2x2", "16x85", "256x256"})
    public String guest;

    @Param({"doc", "v3"})
    public String rules;

    @Param({"compatible", "incompatible"})
    public String target;

    HostSnapshot source;
    HostSnapshot targetSnapshot;
    List<MigrationCheck.Target> targets;
    RuleSet ruleSet;

    @Setup
    public void setup() {
        String[] ad = guest.split("x");
        int a = Integer.parseInt(ad[0]);
        int d = Integer.parseInt(ad[1]);
        source = SyntheticHost.source(a, d, a, d).snapshot();
        SyntheticHost t;
        switch (target) {
            case "compatible": t = SyntheticHost.target(a, d, a, d); break;
            case "incompatible": t = SyntheticHost.olderCardTarget(a, d, a, d); break;
            default: throw new IllegalArgumentException("target: " + target);
        }
        targetSnapshot = t.snapshot();
        targets = List.of(new MigrationCheck.Target("target", targetSnapshot));
        ruleSet = RuleSet.parse(rules);
        // The case must be what its name says, or the figure measures something else.
        TargetReport r = check().targets().get(0);
        if (r.compatible() != target.equals("compatible")
                || !r.compatible() && r.kernelLog().isEmpty()) {
            throw new IllegalStateException(guest + " " + rules + " " + target + ": got "
                    + r.compatible() + ", errno " + r.errno() + ", findings " + r.findings());
        }
    }

    @Benchmark
    public CheckReport check() {
        return MigrationCheck.check(source, SyntheticHost.UUID, targets, ruleSet);
    }

    /**
     * The same check on freshly built snapshots: {@link #check} reuses the snapshots, so their
     * {@link io.github.ap4j.internal.QueueIndex queue index} is built once and the figure leaves it out.
     * Here both snapshots are rebuilt from their parts by the canonical constructor (which sorts
     * the cards and queues again) on each call, so the index build is included: the cost of a
     * one-off check of a newly read snapshot, short of reading it.
     */
    @Benchmark
    public CheckReport checkFreshSnapshots() {
        HostSnapshot s = rebuild(source);
        HostSnapshot t = rebuild(targetSnapshot);
        return MigrationCheck.check(s, SyntheticHost.UUID,
                List.of(new MigrationCheck.Target("target", t)), ruleSet);
    }

    private static HostSnapshot rebuild(HostSnapshot h) {
        return new HostSnapshot(h.provenance(), h.bus(), h.cards(), h.queues(), h.matrix());
    }
}
