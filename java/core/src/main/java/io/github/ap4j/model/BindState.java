// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

/**
 * Secure Execution bind/associate state, GR2 bits 16-17 ({@code bs} in
 * {@code struct ap_tapq_hwinfo}; names from {@code AP_BS_Q_*} in {@code asm/ap.h};
 * docs/bit-layouts.md).
 */
public enum BindState {
    /** {@code AP_BS_Q_USABLE} (0). */
    USABLE,
    /** {@code AP_BS_Q_USABLE_NO_SECURE_KEY} (1). */
    USABLE_NO_SECURE_KEY,
    /** {@code AP_BS_Q_AVAIL_FOR_BINDING} (2). */
    AVAILABLE_FOR_BINDING,
    /** {@code AP_BS_Q_UNUSABLE} (3). */
    UNUSABLE;

    private static final BindState[] VALUES = values();

    /** {@return the two-bit code 0..3 as in GR2 bits 16-17} */
    public int code() {
        return ordinal();
    }

    /**
     * The state for a code.
     *
     * @param code the bind state bits; only the low two bits count
     * @return the state
     */
    public static BindState ofCode(int code) {
        return VALUES[code & 3];
    }
}
