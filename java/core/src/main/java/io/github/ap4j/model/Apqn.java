// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import io.github.ap4j.BadInputException;

/**
 * An AP queue number: adapter (APID, 0..255) and domain (APQI, 0..255).
 *
 * <p>Text form is the kernel's {@code "%02lx.%04lx"} (for example {@code 05.0033}), as used for
 * the queue device names under {@code /sys/bus/ap/devices} and in every vfio_ap log line. The
 * 16-bit queue id is {@code AP_MKQID(c,q) = (c & 0xff) << 8 | (q & 0xff)}
 * ({@code arch/s390/include/asm/ap.h}; docs/bit-layouts.md).
 *
 * @param adapter the APID, 0..255 (the {@code XX} of {@code cardXX})
 * @param domain the APQI, 0..255
 */
public record Apqn(int adapter, int domain) implements Comparable<Apqn> {

    /**
     * Highest adapter and domain id the architecture allows (256 of each, AP_DEVICES/AP_DOMAINS).
     */
    public static final int MAX_ID = 255;

    /**
     * Checks the ids.
     *
     * @param adapter the APID, 0..255
     * @param domain the APQI, 0..255
     * @throws IllegalArgumentException if an id is outside 0..255
     */
    public Apqn {
        if (adapter < 0 || adapter > MAX_ID) {
            throw new IllegalArgumentException("adapter id out of range 0..255: " + adapter);
        }
        if (domain < 0 || domain > MAX_ID) {
            throw new IllegalArgumentException("domain id out of range 0..255: " + domain);
        }
    }

    /**
     * The queue {@code adapter.domain}.
     *
     * @param adapter the APID, 0..255
     * @param domain the APQI, 0..255
     * @return the APQN
     * @throws IllegalArgumentException if an id is outside 0..255
     */
    public static Apqn of(int adapter, int domain) {
        return new Apqn(adapter, domain);
    }

    /**
     * The queue for a 16-bit qid ({@code AP_QID_CARD}/{@code AP_QID_QUEUE}).
     *
     * @param qid adapter in bits 8-15, domain in bits 0-7, as in PQAP GR0
     * @return the APQN
     * @throws IllegalArgumentException if {@code qid} is outside 0..0xffff
     */
    public static Apqn ofQid(int qid) {
        if ((qid & ~0xffff) != 0) {
            throw new IllegalArgumentException("qid out of range 0..0xffff: " + qid);
        }
        return new Apqn(qid >>> 8, qid & 0xff);
    }

    /**
     * Parses the kernel form {@code AA.DDDD}: exactly two hex digits, a dot, four hex digits
     * (upper or lower case), domain at most {@code 00ff}.
     *
     * @param text for example {@code 05.0033}, as in a queue device name
     * @return the APQN
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static Apqn parse(String text) {
        if (text == null || text.length() != 7 || text.charAt(2) != '.') {
            throw new IllegalArgumentException("not an APQN (expected AA.DDDD, e.g. 05.0033): "
                    + BadInputException.quote(text));
        }
        int a = 0;
        int d = 0;
        for (int i = 0; i < 7; i++) {
            if (i == 2) {
                continue;
            }
            int v = Hex.digit(text.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not an APQN (expected AA.DDDD, e.g. 05.0033): "
                        + BadInputException.quote(text));
            }
            if (i < 2) {
                a = (a << 4) | v;
            } else {
                d = (d << 4) | v;
            }
        }
        if (d > MAX_ID) {
            throw new IllegalArgumentException("APQN domain above 0x00ff: " + BadInputException.quote(text));
        }
        return new Apqn(a, d);
    }

    /** {@return the 16-bit queue id, {@code AP_MKQID(adapter, domain)}} */
    public int qid() {
        return (adapter << 8) | domain;
    }

    @Override
    public int compareTo(Apqn o) {
        return Integer.compare(qid(), o.qid());
    }

    /** {@return the kernel form {@code %02lx.%04lx}, for example {@code 05.0033}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(7);
        Hex.append(sb, adapter, 2, Hex.LOWER).append('.');
        return Hex.append(sb, domain, 4, Hex.LOWER).toString();
    }
}
