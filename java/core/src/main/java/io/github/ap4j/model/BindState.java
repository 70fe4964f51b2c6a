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

    public int code() {
        return ordinal();
    }

    public static BindState ofCode(int code) {
        return VALUES[code & 3];
    }
}
