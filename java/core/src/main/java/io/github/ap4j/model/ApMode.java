// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

/**
 * The queue's mode from GR2 bits 3-5 ({@code cca}, {@code accel}, {@code ep11} in
 * {@code struct ap_tapq_hwinfo}; docs/bit-layouts.md). Hardware sets at most one; when several are
 * set the first in lszcrypt's order (CCA, accelerator, EP11) is named, as lszcrypt does.
 */
public enum ApMode {
    /** CCA coprocessor (bit 3; lszcrypt D, card mode as in {@code CEX8C}). */
    CCA,
    /** Accelerator (bit 4; lszcrypt A, {@code CEX8A}). */
    ACCEL,
    /** EP11 coprocessor (bit 5; lszcrypt X, {@code CEX8P}). */
    EP11,
    /** None of the three mode bits set. */
    NONE;

    /**
     * The mode of a 32-bit facility word ({@code ap_functions}).
     *
     * @param fac the facility word
     * @return the first mode bit set in the order CCA, accelerator, EP11, or {@link #NONE}
     */
    public static ApMode ofFunctions(int fac) {
        if ((fac & QueueHwInfo.FN_CCA) != 0) {
            return CCA;
        }
        if ((fac & QueueHwInfo.FN_ACCEL) != 0) {
            return ACCEL;
        }
        if ((fac & QueueHwInfo.FN_EP11) != 0) {
            return EP11;
        }
        return NONE;
    }
}
