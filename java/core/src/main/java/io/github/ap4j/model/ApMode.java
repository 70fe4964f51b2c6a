// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

/**
 * The queue's mode from GR2 bits 3-5 ({@code cca}, {@code accel}, {@code ep11} in
 * {@code struct ap_tapq_hwinfo}; docs/bit-layouts.md). Hardware sets at most one; when several are
 * set the first in lszcrypt's order (CCA, accelerator, EP11) is named, as lszcrypt does.
 */
public enum ApMode {
    CCA, ACCEL, EP11, NONE;

    /** The mode of a 32-bit facility word ({@code ap_functions}). */
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
