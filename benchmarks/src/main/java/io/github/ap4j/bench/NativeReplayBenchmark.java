// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.natives.NativeReplay;
import io.github.ap4j.natives.TapqRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A native replay table through JNA: {@code ap4j_replay_tapq} for one APQN per call and
 * for a batch of 1,024 (scores per APQN, {@link OperationsPerInvocation}), with the answers
 * turned into {@link TapqRecord}s as {@link NativeReplay#tapq} returns them. Target: 200 ns per APQN
 * in a batch.
 *
 * <p>The table is the 64 x 256 host of {@link SyntheticHost} (16,384 queues), handed to the C
 * side with {@code ap4j_replay_new}. The library is the one for the running architecture
 * ({@code linux-x86-64/} or {@code linux-s390x/libap4j.so} in the jar), so this runs unchanged
 * on the emulated s390x JVM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class NativeReplayBenchmark {

    static final int BATCH = 1024;

    NativeReplay shim;
    List<Apqn> one;
    List<Apqn> batch;

    @Setup
    public void setup() {
        shim = NativeAp.shim().replay(SyntheticHost.target(64, 256, 16, 85).replayTable());
        one = List.of(Apqn.of(0x05, 0x33));
        // 1,024 queues spread over the table: 16 adapters x 64 domains, not one run of ids.
        batch = new ArrayList<>(BATCH);
        for (int a = 0; a < 64; a += 4) {
            for (int d = 0; d < 256; d += 4) {
                batch.add(Apqn.of(a, d));
            }
        }
        if (batch.size() != BATCH || shim.tapq(batch).get(BATCH - 1).gr2() == 0) {
            throw new IllegalStateException("replay table does not answer the batch");
        }
    }

    @TearDown
    public void tearDown() {
        shim.close();
    }

    /** One APQN per call: the fixed JNA and (per-replay) lock cost. */
    @Benchmark
    public List<TapqRecord> tapqOne() {
        return shim.tapq(one);
    }

    /** A batch of 1,024 in one call; the score is per APQN. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<TapqRecord> tapqBatch() {
        return shim.tapq(batch);
    }

    /** The batch plus decoding every GR2 word, as the native source does; per APQN. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long tapqBatchDecoded() {
        long acc = 0;
        for (TapqRecord r : shim.tapq(batch)) {
            QueueHwInfo h = r.hwInfo();
            acc += h.functions() + h.rawType() + h.domains() + r.status().responseCode();
        }
        return acc;
    }

    /** PQAP(QCI) from the replay table: the 128-byte block into {@link ConfigInfo}. */
    @Benchmark
    public ConfigInfo qci() {
        return shim.qci();
    }
}
