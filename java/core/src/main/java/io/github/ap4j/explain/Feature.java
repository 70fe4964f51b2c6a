// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.model.QueueHwInfo;

/**
 * A queue property the kernel's incompatibility report can name, in the order
 * {@code report_qinfo_incompatibilities()} prints them ({@code drivers/s390/crypto/vfio_ap_migration.c};
 * see {@code docs/} for the rows).
 */
public enum Feature {
    /** GR2 bit 0, AP special command facility: report row 1, {@code APSC facility}. */
    APSC(QueueHwInfo.FN_APSC),
    /** Bit 1, 4096-bit modular exponentiation: row 2, {@code mex4k facility}. */
    AP4KM(QueueHwInfo.FN_AP4KM),
    /** Bit 2, 4096-bit CRT: row 3, {@code crt4k facility}. */
    AP4KC(QueueHwInfo.FN_AP4KC),
    /** Bit 3, CCA coprocessor mode: row 4, {@code Coprocessor-mode facility}. */
    CCA(QueueHwInfo.FN_CCA),
    /** Bit 4, accelerator mode: row 5, {@code Accelerator-mode facility}. */
    ACCEL(QueueHwInfo.FN_ACCEL),
    /** Bit 5, EP11 coprocessor mode: row 6, {@code XCP-mode facility}. */
    EP11(QueueHwInfo.FN_EP11),
    /** Bit 6, AP extended addressing: row 7, {@code AP-extended-addressing (APXA) facility}. */
    APXA(QueueHwInfo.FN_APXA),
    /** Bit 7, stateless command filtering: row 8, {@code Stateless-command-filtering (SLCF)}. */
    SLCF(QueueHwInfo.FN_SLCF),
    /** The classification byte; values {@code "FULL_NATIVE"} or {@code "STATELESS"}. */
    CLASS(0),
    /** The SE bind/associate state, an int 0..3. */
    BIND_STATE(0),
    /** The raw AP type, an int. */
    AP_TYPE(0);

    private final int functionBit;

    Feature(int functionBit) {
        this.functionBit = functionBit;
    }

    /** The bit in the 32-bit {@code ap_functions} word for a facility or mode, else 0. */
    int functionBit() {
        return functionBit;
    }

    /** Whether the report states this feature as installed/available, true or false. */
    boolean isFacility() {
        return functionBit != 0;
    }
}
