// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.HostSnapshot;
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
 * The floor under {@link CheckBenchmark} on this machine: one pass over the source's and the
 * target's queues reading what any check must read per APQN (the {@code ap_functions} word
 * and the bound driver), nothing else. With the snapshot model as it is (records of
 * {@code Attr} objects), no check of the same snapshots can be faster.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CheckFloorBenchmark {

    @Param({"2x2", "16x85", "256x256"})
    public String guest;

    HostSnapshot source;
    HostSnapshot target;

    @Setup
    public void setup() {
        String[] ad = guest.split("x");
        int a = Integer.parseInt(ad[0]);
        int d = Integer.parseInt(ad[1]);
        source = SyntheticHost.source(a, d, a, d).snapshot();
        target = SyntheticHost.target(a, d, a, d).snapshot();
    }

    @Benchmark
    public long touchBothSnapshots() {
        long acc = 0;
        for (ApQueue q : source.queues()) {
            acc += q.functions().get();
        }
        for (ApQueue q : target.queues()) {
            acc += q.functions().get() + q.driver().get().length();
        }
        return acc;
    }
}
