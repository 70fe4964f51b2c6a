package io.github.ap4j.natives;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * The native shim as plain Java: no JNA type appears here, so code and tests can use a fake.
 * Get the real one from {@link NativeAp#shim()}.
 *
 * <p>The shim has two modes, process-wide: <b>hardware</b> (PQAP in a forked child; only on
 * s390x, and even there a user process gets SIGILL, docs/s390x-emulation.md) and <b>replay</b>
 * (answers from a table loaded with {@link #replayLoad(ReplayTable)} or
 * {@link #replayLoadFile(Path)}, on every architecture). In replay mode an APQN not in the table
 * answers condition code 3 and GR1 {@code 0x10000} (response code 0x01
 * {@code AP_RESPONSE_Q_NOT_AVAIL}), GR2 0.
 *
 * <p>Every method throws {@link NativeCallException} when the shim returns an error.
 */
public interface ApShim {

    /** {@code ap4j_abi_version()}; {@link NativeAp} accepts only {@link NativeAp#ABI_VERSION}. */
    int abiVersion();

    /** PQAP(TAPQ) with the T bit for each queue, in order; one fork for the whole batch. */
    List<TapqRecord> tapq(List<Apqn> apqns);

    /** PQAP(QCI): the 128-byte configuration block. */
    ConfigInfo qci();

    /** A hardware-mode PQAP(TAPQ) of 00.0000 even in replay mode: returns if PQAP does not trap. */
    void hwProbe();

    /** Replaces the replay table (replay mode from now on). */
    void replayLoad(ReplayTable table);

    /** Has the shim's C parser read a replay file (format: {@link ReplayTable}). */
    void replayLoadFile(Path file);

    /** Drops the replay table: hardware mode again. */
    void replayClear();

    boolean replayActive();
}
