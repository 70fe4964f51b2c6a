package io.github.ap4j.bench;

import io.github.ap4j.natives.ApShim;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.NativeSnapshotReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Snapshot acquisition, per source, on generated hosts of 16 x 85 (1,360) and 64 x 256 (16,384)
 * queues ({@link SyntheticHost}): the native source on the shim's replay backend (one QCI, one
 * TAPQ batch for every APQN, through JNA).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapshotBenchmark {

    /** Adapters x domains of the generated host; the guest's mdev holds 16 x 85 of them. */
    @Param({"16x85", "64x256"})
    public String shape;

    SyntheticHost host;
    ApShim shim;

    @Setup(Level.Trial)
    public void setup() {
        String[] ad = shape.split("x");
        host = SyntheticHost.target(Integer.parseInt(ad[0]), Integer.parseInt(ad[1]), 16, 85);
        shim = NativeAp.shim();
        shim.replayLoad(host.replayTable());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        shim.replayClear();
    }

    /** The native source on the replay backend: QCI, TAPQ of adapters x domains, decode. */
    @Benchmark
    public HostSnapshot nativeReplay() {
        return NativeSnapshotReader.read(shim, "replay");
    }
}
