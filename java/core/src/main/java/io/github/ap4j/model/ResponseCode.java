// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

/**
 * The AP response codes, {@code AP_RESPONSE_*} in {@code drivers/s390/crypto/ap_bus.h}
 * (docs/bit-layouts.md). A code not listed here keeps its number in {@link QueueStatus}.
 */
public enum ResponseCode {
    NORMAL(0x00),
    Q_NOT_AVAIL(0x01),
    RESET_IN_PROGRESS(0x02),
    DECONFIGURED(0x03),
    CHECKSTOPPED(0x04),
    BUSY(0x05),
    INVALID_ADDRESS(0x06),
    OTHERWISE_CHANGED(0x07),
    INVALID_GISA(0x08),
    Q_BOUND_TO_ANOTHER(0x09),
    STATE_CHANGE_IN_PROGRESS(0x0A),
    Q_NOT_BOUND(0x0B),
    /** Also {@code AP_RESPONSE_NO_PENDING_REPLY}: the kernel defines both names as 0x10. */
    Q_FULL(0x10),
    INDEX_TOO_BIG(0x11),
    NO_FIRST_PART(0x13),
    MESSAGE_TOO_BIG(0x15),
    REQ_FAC_NOT_INST(0x16),
    Q_BIND_ERROR(0x30),
    Q_NOT_AVAIL_FOR_ASSOC(0x31),
    Q_NOT_EMPTY(0x32),
    BIND_LIMIT_EXCEEDED(0x33),
    INVALID_ASSOC_SECRET(0x34),
    ASSOC_SECRET_NOT_UNIQUE(0x35),
    ASSOC_FAILED(0x36),
    INVALID_DOMAIN(0x42);

    private static final ResponseCode[] BY_CODE = new ResponseCode[256];

    static {
        for (ResponseCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    ResponseCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The named code, or {@code null} for a code the kernel header does not name. */
    public static ResponseCode byCodeOrNull(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /**
     * Whether TAPQ information is still valid with this code: 0x00, 0x02, 0x03, 0x04, 0x05
     * ({@code ap_queue_info()}, the vfio_ap filter and the migration code; docs/bit-layouts.md).
     */
    public static boolean tapqInfoValid(int code) {
        return code == 0x00 || (code >= 0x02 && code <= 0x05);
    }
}
