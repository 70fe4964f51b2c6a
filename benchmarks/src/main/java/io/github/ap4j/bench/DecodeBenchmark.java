// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.model.ApMode;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.QueueStatus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding the hardware words: a TAPQ GR2 into {@link QueueHwInfo} and every accessor, a GR1
 * status word, a sysfs {@code ap_functions} word plus raw type, and lszcrypt's letters.
 *
 * <p>{@link #gr2Decode} is the "primitive decode path" of issue 7: target 5 ns/op and, under
 * {@code -prof gc}, {@code gc.alloc.rate.norm} of about 0 B/op (the record is scalar-replaced).
 * The input words are non-final state fields, so the JIT cannot constant-fold them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecodeBenchmark {

    /** A CEX8 CCA queue's TAPQ GR2 (the README's example): S--D--NHF-, at=14, nd=85, qd=8. */
    public long gr2 = 0xF28000000E550007L;

    /** GR1 of a TAPQ answer: queue empty, IRQ enabled, response code 0. */
    public long gr1 = 0x0000000081000000L;

    /** A queue's sysfs {@code ap_functions} (EP11, {@code S----XN-F-}) and the card's raw type. */
    public int functions = 0x86800000;
    public int rawType = 14;

    /** Every field of the GR2 word, folded into one value so that nothing is dead code. */
    @Benchmark
    public long gr2Decode() {
        QueueHwInfo h = QueueHwInfo.ofGr2(gr2);
        long acc = h.functions();
        acc += h.apsc() ? 1 : 0;
        acc += h.ap4km() ? 2 : 0;
        acc += h.ap4kc() ? 4 : 0;
        acc += h.cca() ? 8 : 0;
        acc += h.accel() ? 16 : 0;
        acc += h.ep11() ? 32 : 0;
        acc += h.apxa() ? 64 : 0;
        acc += h.slcf() ? 128 : 0;
        acc += h.fullNative() ? 256 : 0;
        acc += h.stateless() ? 512 : 0;
        acc += h.classification();
        acc += h.bindStateCode();
        acc += h.reservedFunctionBits();
        acc += h.rawType();
        acc += h.domains();
        acc += h.mlField();
        acc += h.maxMessageSize();
        acc += h.queueDepth();
        return acc;
    }

    /** The enum-valued views: mode and bind state (shared constants, no allocation). */
    @Benchmark
    public int gr2ModeAndBindState() {
        QueueHwInfo h = QueueHwInfo.ofGr2(gr2);
        ApMode m = h.mode();
        return m.ordinal() * 4 + h.bindState().ordinal();
    }

    /** What the migration check compares: functions word plus raw type (docs/kernel-rules.md). */
    @Benchmark
    public long functionsAndTypeDecode() {
        QueueHwInfo h = QueueHwInfo.ofFunctions(functions, rawType);
        long acc = h.functions();
        acc += h.mode().ordinal();
        acc += h.apxa() ? 1 : 0;
        acc += h.slcf() ? 2 : 0;
        acc += h.classification();
        acc += h.bindStateCode();
        acc += h.rawType();
        return acc;
    }

    /** GR1: the queue status word and its response code. */
    @Benchmark
    public int gr1StatusDecode() {
        QueueStatus s = QueueStatus.ofGr1(gr1);
        int acc = s.responseCode();
        acc += s.queueEmpty() ? 1 : 0;
        acc += s.repliesWaiting() ? 2 : 0;
        acc += s.queueFull() ? 4 : 0;
        acc += s.async() ? 8 : 0;
        acc += s.irqEnabled() ? 16 : 0;
        return acc;
    }

    /** lszcrypt's FUNCTIONS column (allocates the 10-char String by design). */
    @Benchmark
    public String letters() {
        return QueueHwInfo.letters(functions);
    }

    /** {@code 0x%016X} of a GR2 word (allocates the String by design). */
    @Benchmark
    public String gr2Format() {
        return QueueHwInfo.ofGr2(gr2).toString();
    }
}
