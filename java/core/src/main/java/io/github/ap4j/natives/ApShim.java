// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import io.github.ap4j.model.Apqn;
import java.util.List;

/**
 * The native shim as plain Java: no JNA type appears here, so code and tests can use a fake.
 * Get the real one from {@link NativeAp#shim()}.
 *
 * <p>{@link #tapq(List)} and {@link #qci()} always mean the hardware: PQAP in a forked child,
 * killed after {@link NativeAp#TIMEOUT_PROPERTY} milliseconds without an answer. On any
 * platform but s390x they fail with {@link NativeError#UNSUPPORTED_ARCHITECTURE}, and on s390x a
 * user process gets SIGILL ({@link NativeError#PQAP_TRAPPED}) because PQAP is a supervisor-state
 * instruction. Recorded answers come from a {@link NativeReplay} of a table instead; the shim
 * has no mode that one caller could switch under another (docs/native.md).
 *
 * <p>Every method is safe to call from any number of threads at once, and throws
 * {@link NativeCallException} when the shim returns an error.
 */
public interface ApShim extends Pqap {

    /**
     * {@return {@code ap4j_abi_version()}; {@link NativeAp} accepts only {@link
     * NativeAp#ABI_VERSION}}
     */
    int abiVersion();

    /** PQAP(TAPQ) for each queue, with the T bit ({@code ap4j_tapq} flag {@code AP4J_TAPQ_T}). */
    @Override
    default List<TapqRecord> tapq(List<Apqn> apqns) {
        return tapq(apqns, true);
    }

    /**
     * PQAP(TAPQ) for each queue, in order, one fork for the whole batch. Without the T bit GR0
     * is what the kernel's vfio-ap migration check uses (plain {@code ap_tapq()}); with it, what
     * sysfs {@code ap_functions} shows.
     *
     * @param apqns the queues, at most 65536
     * @param tBit whether GR0 carries the T bit ("test facilities")
     * @return one record per queue, in the order asked
     * @throws NativeCallException when the shim returns an error
     */
    List<TapqRecord> tapq(List<Apqn> apqns, boolean tBit);

    /** A hardware PQAP(TAPQ) of 00.0000: returns if PQAP does not trap. */
    void hwProbe();

    /**
     * A replay of {@code table}: its own copy in the shim, answering only its caller. Close it
     * (try-with-resources) to free the copy.
     *
     * @param table the recorded answers
     * @return a replay that answers {@link Pqap#tapq(List)} and {@link Pqap#qci()} from the copy
     * @throws NativeCallException when the shim cannot take the table
     */
    NativeReplay replay(ReplayTable table);

    /**
     * Parses replay text with the shim's parser, the only one ap4j has (format in
     * docs/native.md). {@code source} names the text in errors.
     *
     * @param text the replay text as bytes
     * @param source the file name or other label for error messages
     * @return the parsed table
     * @throws io.github.ap4j.BadInputException naming {@code source:line} for malformed text
     */
    ReplayTable parseReplay(byte[] text, String source);
}
