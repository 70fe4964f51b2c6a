// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import java.util.Optional;

/**
 * Raw AP types by name ({@code AP_DEVICE_TYPE_CEX4..CEX8} in
 * {@code drivers/s390/crypto/ap_bus.h}; docs/bit-layouts.md, GR2 bits 32-39). A type this enum does
 * not know keeps its number in {@link QueueHwInfo#rawType()}.
 */
public enum ApType {
    /** Crypto Express4S, raw type 10. */
    CEX4(10),
    /** Crypto Express5S, raw type 11. */
    CEX5(11),
    /** Crypto Express6S, raw type 12. */
    CEX6(12),
    /** Crypto Express7S, raw type 13. */
    CEX7(13),
    /** Crypto Express8S, raw type 14. */
    CEX8(14);

    private static final ApType[] BY_CODE = new ApType[256];

    static {
        for (ApType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    ApType(int code) {
        this.code = code;
    }

    /** {@return the raw type, GR2 bits 32-39 and sysfs {@code raw_hwtype}} */
    public int code() {
        return code;
    }

    /**
     * The named type for a raw type code.
     *
     * @param code a raw type; any int is accepted
     * @return the type, or empty for one unknown here (for example a CEX9)
     */
    public static Optional<ApType> byCode(int code) {
        return code >= 0 && code < 256 ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    /**
     * Name for a raw code, allocation-free for hot paths.
     *
     * @param code a raw type; any int is accepted
     * @return the name ("CEX8"), or {@code null} when unknown
     */
    public static String nameOrNull(int code) {
        ApType t = code >= 0 && code < 256 ? BY_CODE[code] : null;
        return t == null ? null : t.name();
    }
}
