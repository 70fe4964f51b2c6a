// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.model.QueueHwInfo;

/**
 * A queue property the kernel's incompatibility report can name, in the order
 * {@code report_qinfo_incompatibilities()} prints them ({@code drivers/s390/crypto/vfio_ap_migration.c};
 * see {@code docs/} for the rows).
 */
public enum Feature {
    APSC(QueueHwInfo.FN_APSC),
    AP4KM(QueueHwInfo.FN_AP4KM),
    AP4KC(QueueHwInfo.FN_AP4KC),
    CCA(QueueHwInfo.FN_CCA),
    ACCEL(QueueHwInfo.FN_ACCEL),
    EP11(QueueHwInfo.FN_EP11),
    APXA(QueueHwInfo.FN_APXA),
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
