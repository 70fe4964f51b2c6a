// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.model.Apqn;
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

/** {@link Apqn}: the kernel's {@code %02lx.%04lx} text form and the 16-bit qid. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ApqnBenchmark {

    public String text = "05.0033";
    public Apqn apqn = Apqn.of(0x05, 0x33);
    public int qid = 0x0533;

    /** Parse and read back the qid: the record does not escape. */
    @Benchmark
    public int parseToQid() {
        return Apqn.parse(text).qid();
    }

    @Benchmark
    public Apqn parse() {
        return Apqn.parse(text);
    }

    @Benchmark
    public String format() {
        return apqn.toString();
    }

    @Benchmark
    public int ofQidCompare() {
        return Apqn.ofQid(qid).compareTo(apqn);
    }
}
