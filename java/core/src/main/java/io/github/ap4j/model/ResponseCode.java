// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

/**
 * The AP response codes, {@code AP_RESPONSE_*} in {@code drivers/s390/crypto/ap_bus.h}
 * (docs/bit-layouts.md). A code not listed here keeps its number in {@link QueueStatus}.
 */
public enum ResponseCode {
    /** 0x00: normal completion; TAPQ information valid. */
    NORMAL(0x00),
    /**
     * 0x01: the APQN is not available (not in the configuration); the migration code fails with
     * {@code -ENODEV}.
     */
    Q_NOT_AVAIL(0x01),
    /** 0x02: a reset of the queue is in progress; TAPQ information still valid. */
    RESET_IN_PROGRESS(0x02),
    /** 0x03: the adapter is deconfigured (sysfs {@code config} 0); TAPQ information still valid. */
    DECONFIGURED(0x03),
    /**
     * 0x04: the adapter is checkstopped (sysfs {@code chkstop} 1); TAPQ information still valid.
     */
    CHECKSTOPPED(0x04),
    /** 0x05: the adapter is busy; TAPQ information still valid. */
    BUSY(0x05),
    /** 0x06: an operand address is invalid. */
    INVALID_ADDRESS(0x06),
    /** 0x07: the interruption controls were otherwise changed (AQIC). */
    OTHERWISE_CHANGED(0x07),
    /** 0x08: the GISA designation is invalid (AQIC). */
    INVALID_GISA(0x08),
    /** 0x09: the queue is bound to another configuration (Secure Execution). */
    Q_BOUND_TO_ANOTHER(0x09),
    /** 0x0A: a bind or associate state change is in progress (Secure Execution). */
    STATE_CHANGE_IN_PROGRESS(0x0A),
    /** 0x0B: the queue is not bound to this Secure Execution guest. */
    Q_NOT_BOUND(0x0B),
    /**
     * 0x10: the queue is full (NQAP). Also {@code AP_RESPONSE_NO_PENDING_REPLY} (DQAP): the kernel
     * defines both names as 0x10.
     */
    Q_FULL(0x10),
    /** 0x11: the index is too big. */
    INDEX_TOO_BIG(0x11),
    /** 0x13: a continued message arrived without its first part (NQAP). */
    NO_FIRST_PART(0x13),
    /** 0x15: the message exceeds the adapter's maximum message size (NQAP). */
    MESSAGE_TOO_BIG(0x15),
    /** 0x16: a requested facility is not installed. */
    REQ_FAC_NOT_INST(0x16),
    /** 0x30: binding the queue failed (BAPQ, Secure Execution). */
    Q_BIND_ERROR(0x30),
    /** 0x31: the queue is not available for association (AAPQ). */
    Q_NOT_AVAIL_FOR_ASSOC(0x31),
    /** 0x32: the queue is not empty. */
    Q_NOT_EMPTY(0x32),
    /** 0x33: the bind limit is exceeded (BAPQ). */
    BIND_LIMIT_EXCEEDED(0x33),
    /** 0x34: the association secret is invalid (AAPQ). */
    INVALID_ASSOC_SECRET(0x34),
    /** 0x35: the association secret is not unique (AAPQ). */
    ASSOC_SECRET_NOT_UNIQUE(0x35),
    /** 0x36: the association failed (AAPQ). */
    ASSOC_FAILED(0x36),
    /** 0x42: the domain is invalid. */
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

    /** {@return the code as GR1 bits 8-15 carry it, 0x00..0x42} */
    public int code() {
        return code;
    }

    /**
     * The named code for a number.
     *
     * @param code a response code; any int is accepted
     * @return the constant, or {@code null} for a code the kernel header does not name
     */
    public static ResponseCode byCodeOrNull(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /**
     * Whether TAPQ information is still valid with this code: 0x00, 0x02, 0x03, 0x04, 0x05
     * ({@code ap_queue_info()}, the vfio_ap filter and the migration code; docs/bit-layouts.md).
     *
     * @param code a response code, named or not
     * @return whether GR2 of a TAPQ with that code can be trusted
     */
    public static boolean tapqInfoValid(int code) {
        return code == 0x00 || (code >= 0x02 && code <= 0x05);
    }
}
