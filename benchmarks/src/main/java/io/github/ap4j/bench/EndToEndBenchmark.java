// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.check.TargetReport;
import io.github.ap4j.internal.NativeSnapshotReader;
import io.github.ap4j.internal.sysfs.DirectorySysfsTree;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.natives.NativeReplay;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.snapshot.SourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end, per source: acquire the target host's snapshot, then check a 1,360-APQN guest
 * (16 adapters x 85 domains, rules {@code doc}) against it, so the compatibility core is fed
 * by both sources. The source host's snapshot is in memory (taken once, as the CLI would).
 *
 * <ul>
 *   <li>{@link #sysfsThenCheck}: the sysfs reader on the target's tree (written at setup);
 *       the verdict is "compatible".</li>
 *   <li>{@link #nativeReplayThenCheck}: the native source on the replay backend (QCI + one
 *       TAPQ batch). PQAP cannot see drivers, apmask/aqmask or vfio_ap mdevs, so the check
 *       reports those as unverifiable and the verdict is "incompatible (cannot verify)";
 *       that is the core's honest answer for this source, and the work it does is measured.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class EndToEndBenchmark {

    HostSnapshot source;
    NativeReplay shim;
    Path dir;
    Path root;

    @Setup(Level.Trial)
    public void setup() {
        source = SyntheticHost.source(16, 85, 16, 85).snapshot();
        SyntheticHost target = SyntheticHost.target(16, 85, 16, 85);
        dir = SyntheticHost.tempRoot("ap4j-bench-e2e-");
        root = dir.resolve("sys");
        target.writeSysfs(root);
        shim = NativeAp.shim().replay(target.replayTable());
        TargetReport viaSysfs = sysfsThenCheck().targets().get(0);
        TargetReport viaNative = nativeReplayThenCheck().targets().get(0);
        if (!viaSysfs.compatible() || viaNative.compatible() || viaNative.findings().isEmpty()) {
            throw new IllegalStateException("unexpected verdicts: sysfs " + viaSysfs.findings()
                    + ", native " + viaNative.findings());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        shim.close();
        SyntheticHost.delete(dir);
    }

    private CheckReport check(String label, HostSnapshot target) {
        return MigrationCheck.check(source, SyntheticHost.UUID,
                List.of(new MigrationCheck.Target(label, target)), RuleSet.DOC);
    }

    /** Reads the target in the scope 'ap4j check' uses (only what the check needs). */
    @Benchmark
    public CheckReport sysfsThenCheck() {
        return check("sysfs", new SysfsSnapshotReader(DirectorySysfsTree.open(root), SourceKind.SYSFS,
                ReadScope.MIGRATION).read());
    }

    @Benchmark
    public CheckReport nativeReplayThenCheck() {
        return check("native", NativeSnapshotReader.read(shim, "replay"));
    }
}
