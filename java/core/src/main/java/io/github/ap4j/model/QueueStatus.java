// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import io.github.ap4j.BadInputException;

/**
 * The AP queue status word (APQSW): the low 32 bits of GR1 after PQAP, {@code struct
 * ap_queue_status} in {@code arch/s390/include/asm/ap.h} (docs/bit-layouts.md). Bit 0 is the MSB:
 * <pre>
 *  bit 0      queue_empty       E
 *  bit 1      replies_waiting   R
 *  bit 2      queue_full        F
 *  bits 3-5   reserved
 *  bit 6      async             asynchronous error pending
 *  bit 7      irq_enabled       I
 *  bits 8-15  response_code
 *  bits 16-31 reserved
 * </pre>
 */
public record QueueStatus(int word) {

    public static final int QUEUE_EMPTY = 0x80000000;
    public static final int REPLIES_WAITING = 0x40000000;
    public static final int QUEUE_FULL = 0x20000000;
    public static final int ASYNC = 0x02000000;
    public static final int IRQ_ENABLED = 0x01000000;

    /** The status in GR1: its low 32 bits ({@code union ap_queue_status_reg}). */
    public static QueueStatus ofGr1(long gr1) {
        return new QueueStatus((int) gr1);
    }

    /** A status word with only a response code set, as a table or test would build it. */
    public static QueueStatus ofResponseCode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("response code out of range 0..255: " + code);
        }
        return new QueueStatus(code << 16);
    }

    /** Parses {@code 0x} + up to 8 hex digits (the status word) or 16 (a whole GR1). */
    public static QueueStatus parse(String text) {
        try {
            String s = Hex.stripNewline(text);
            int digits = s.length() - (s.startsWith("0x") || s.startsWith("0X") ? 2 : 0);
            if (digits > 8 && digits != 16) {
                // 9..15 digits is neither form; taking the low word would silently drop digits.
                throw new IllegalArgumentException("length");
            }
            return ofGr1(Hex.parseUnsigned(text, 16, "status"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a queue status word (expected 0x + up to 8 "
                    + "hex digits, or 16 for a whole GR1): " + BadInputException.quote(text));
        }
    }

    public boolean queueEmpty() {
        return (word & QUEUE_EMPTY) != 0;
    }

    public boolean repliesWaiting() {
        return (word & REPLIES_WAITING) != 0;
    }

    public boolean queueFull() {
        return (word & QUEUE_FULL) != 0;
    }

    /** Bit 6: an asynchronous error is pending. */
    public boolean async() {
        return (word & ASYNC) != 0;
    }

    public boolean irqEnabled() {
        return (word & IRQ_ENABLED) != 0;
    }

    /** Bits 8-15: {@code (w >> 16) & 0xff}. */
    public int responseCode() {
        return (word >>> 16) & 0xff;
    }

    /** The named code, or {@code null} when the header does not name it. */
    public ResponseCode responseOrNull() {
        return ResponseCode.byCodeOrNull(responseCode());
    }

    /** {@code 0x%08X}, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return Hex.append(new StringBuilder(10).append("0x"), word, 8, Hex.UPPER).toString();
    }
}
