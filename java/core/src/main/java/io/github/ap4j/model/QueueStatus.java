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
 *
 * @param word the status word, GR1 bits 32-63
 */
public record QueueStatus(int word) {

    /** Bit 0 of the status word: the queue is empty. */
    public static final int QUEUE_EMPTY = 0x80000000;
    /** Bit 1: replies are waiting to be dequeued. */
    public static final int REPLIES_WAITING = 0x40000000;
    /** Bit 2: the queue is full. */
    public static final int QUEUE_FULL = 0x20000000;
    /** Bit 6: asynchronous error pending. */
    public static final int ASYNC = 0x02000000;
    /** Bit 7: interrupts are enabled for the queue. */
    public static final int IRQ_ENABLED = 0x01000000;

    /**
     * The status in GR1: its low 32 bits ({@code union ap_queue_status_reg}).
     *
     * @param gr1 GR1 after PQAP; the high 32 bits are ignored
     * @return the status
     */
    public static QueueStatus ofGr1(long gr1) {
        return new QueueStatus((int) gr1);
    }

    /**
     * A status word with only a response code set, as a table or test would build it.
     *
     * @param code the response code, 0..255
     * @return the status, every flag bit 0
     * @throws IllegalArgumentException if {@code code} is outside 0..255
     */
    public static QueueStatus ofResponseCode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("response code out of range 0..255: " + code);
        }
        return new QueueStatus(code << 16);
    }

    /**
     * Parses {@code 0x} + up to 8 hex digits (the status word) or 16 (a whole GR1).
     *
     * @param text the hex text, one trailing newline allowed
     * @return the status
     * @throws IllegalArgumentException if {@code text} is neither form
     */
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

    /** {@return bit 0: whether the queue is empty} */
    public boolean queueEmpty() {
        return (word & QUEUE_EMPTY) != 0;
    }

    /** {@return bit 1: whether replies are waiting} */
    public boolean repliesWaiting() {
        return (word & REPLIES_WAITING) != 0;
    }

    /** {@return bit 2: whether the queue is full} */
    public boolean queueFull() {
        return (word & QUEUE_FULL) != 0;
    }

    /** {@return bit 6: whether an asynchronous error is pending} */
    public boolean async() {
        return (word & ASYNC) != 0;
    }

    /** {@return bit 7: whether interrupts are enabled} */
    public boolean irqEnabled() {
        return (word & IRQ_ENABLED) != 0;
    }

    /** {@return bits 8-15, the response code {@code (w >> 16) & 0xff}: 0 is normal completion} */
    public int responseCode() {
        return (word >>> 16) & 0xff;
    }

    /**
     * {@return the named response code, or {@code null} when the kernel header does not name it}
     */
    public ResponseCode responseOrNull() {
        return ResponseCode.byCodeOrNull(responseCode());
    }

    /** {@return {@code 0x%08X}, which {@link #parse(String)} reads back} */
    @Override
    public String toString() {
        return Hex.append(new StringBuilder(10).append("0x"), word, 8, Hex.UPPER).toString();
    }
}
