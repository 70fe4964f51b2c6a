// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.MaskEdit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ApMask}: the sysfs text form (parse, format), the kernel's {@code hex2bitmap()} and
 * {@code modify_bitmap()} readers, and the set algebra the compatibility check runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ApMaskBenchmark {

    /** {@code ap_usage_domain_mask} as sysfs prints it: domains 0-84, with the newline. */
    public String sysfsText;
    /** The same mask without the newline (the form {@code toString()} produces). */
    public String plainText;
    public String editText = "+0-15,+32,-0x14,+0100-0107\n";

    public ApMask a;
    public ApMask b;

    @Setup
    public void setup() {
        a = ApMask.range(0, 84);
        b = ApMask.of(3, 17, 64, 85, 128, 200, 255);
        plainText = a.toString();
        sysfsText = plainText + "\n";
    }

    @Benchmark
    public ApMask parseSysfsLine() {
        return ApMask.parse(sysfsText);
    }

    @Benchmark
    public ApMask parse() {
        return ApMask.parse(plainText);
    }

    @Benchmark
    public Optional<ApMask> parseSysfsAttribute() {
        return ApMask.parseSysfs(sysfsText);
    }

    @Benchmark
    public ApMask parseHex2Bitmap() {
        return ApMask.parseHex2Bitmap(sysfsText);
    }

    @Benchmark
    public String format() {
        return a.toString();
    }

    @Benchmark
    public String formatRangeList() {
        return a.toRangeList();
    }

    /** union, intersect, minus, complement, containsAll, intersects, cardinality, contains. */
    @Benchmark
    public int setAlgebra() {
        ApMask u = a.union(b);
        ApMask i = a.intersect(b);
        ApMask m = u.minus(i).complement();
        int acc = u.cardinality() + i.cardinality() + m.cardinality();
        acc += u.containsAll(a) ? 1 : 0;
        acc += a.intersects(b) ? 2 : 0;
        acc += m.contains(200) ? 4 : 0;
        return acc;
    }

    /** Walking the ids of an 85-domain mask with {@code nextSetId}. */
    @Benchmark
    public int iterateIds() {
        int sum = 0;
        for (int id = a.nextSetId(0); id >= 0; id = a.nextSetId(id + 1)) {
            sum += id;
        }
        return sum;
    }

    /** A relative {@code apmask} edit, parsed and applied as {@code modify_bitmap()} does. */
    @Benchmark
    public ApMask editParseApply() {
        return MaskEdit.parse(editText).apply(a);
    }
}
