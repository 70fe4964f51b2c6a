// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import io.github.ap4j.BadInputException;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A 256-bit AP id mask (adapters, usage domains or control domains), MSB-first as every AP mask
 * in the kernel and in sysfs: id 0 is the leftmost bit ({@code set_bit_inv};
 * docs/sysfs-formats.md).
 *
 * <p>Stored as four 64-bit words, word 0 holding ids 0..63 with id 0 in its most significant
 * bit, so the sysfs hex string maps onto the words digit for digit. This type owns the bit
 * order: {@link java.util.BitSet} is LSB-first and is deliberately not used.
 */
public record ApMask(long w0, long w1, long w2, long w3) implements Iterable<Integer> {

    /** Number of ids in a mask ({@code AP_DEVICES} = {@code AP_DOMAINS} = 256). */
    public static final int BITS = 256;

    /**
     * What a QCI-based bus attribute prints when the machine has no QCI (docs/sysfs-formats.md).
     */
    public static final String NOT_SUPPORTED = "not supported";

    public static final ApMask EMPTY = new ApMask(0, 0, 0, 0);
    public static final ApMask FULL = new ApMask(-1L, -1L, -1L, -1L);

    /** A mask with exactly the given ids set. */
    public static ApMask of(int... ids) {
        long[] w = new long[4];
        for (int id : ids) {
            checkId(id);
            w[id >>> 6] |= bit(id);
        }
        return new ApMask(w[0], w[1], w[2], w[3]);
    }

    /** A mask with ids {@code from..to} (inclusive) set. */
    public static ApMask range(int from, int to) {
        checkId(from);
        checkId(to);
        if (from > to) {
            throw new IllegalArgumentException("empty range " + from + "-" + to);
        }
        long[] w = new long[4];
        for (int id = from; id <= to; id++) {
            w[id >>> 6] |= bit(id);
        }
        return new ApMask(w[0], w[1], w[2], w[3]);
    }

    /** Builds a mask from 32 bytes in storage order (as in the QCI block, docs/bit-layouts.md). */
    public static ApMask fromBytes(byte[] bytes, int offset) {
        long[] w = new long[4];
        for (int i = 0; i < 32; i++) {
            w[i >>> 3] = (w[i >>> 3] << 8) | (bytes[offset + i] & 0xff);
        }
        return new ApMask(w[0], w[1], w[2], w[3]);
    }

    /**
     * Parses a sysfs mask attribute: {@code 0x} plus 64 hex digits (upper or lower case), with
     * an optional trailing newline; an empty result for the text {@code not supported}, which
     * the QCI-based attributes print on a machine without QCI.
     */
    public static Optional<ApMask> parseSysfs(String text) {
        if (text != null && Hex.stripNewline(text).equals(NOT_SUPPORTED)) {
            return Optional.empty();
        }
        return Optional.of(parse(text));
    }

    /**
     * Strict parse of the form the kernel prints: {@code 0x} and exactly 64 hex digits, one
     * optional trailing newline.
     */
    public static ApMask parse(String text) {
        String s = text == null ? null : Hex.stripNewline(text);
        if (s == null || s.length() != 66 || !s.startsWith("0x")) {
            throw new IllegalArgumentException(
                    "not a 256-bit mask (expected 0x and 64 hex digits): " + BadInputException.quote(text));
        }
        long[] w = new long[4];
        for (int i = 0; i < 64; i++) {
            int d = Hex.digit(s.charAt(2 + i));
            if (d < 0) {
                throw new IllegalArgumentException("not a 256-bit mask (bad hex digit at "
                        + (2 + i) + "): " + BadInputException.quote(text));
            }
            w[i >>> 4] = (w[i >>> 4] << 4) | d;
        }
        return new ApMask(w[0], w[1], w[2], w[3]);
    }

    /**
     * Reads an absolute mask exactly as the kernel's {@code hex2bitmap()} does
     * ({@code drivers/s390/crypto/ap_bus.c}; docs/sysfs-formats.md): an optional {@code 0x} (or
     * just
     * {@code x}), then up to 64 hex digits read MSB-first from id 0 (missing digits are 0), then
     * at most one newline. Anything else, including a leading blank or a 65th digit, is the
     * kernel's {@code -EINVAL}.
     */
    public static ApMask parseHex2Bitmap(String text) {
        int i = 0;
        int n = text.length();
        if (n >= 2 && text.charAt(0) == '0' && text.charAt(1) == 'x') {
            i = 1;
        }
        if (i < n && text.charAt(i) == 'x') {
            i++;
        }
        long[] w = new long[4];
        int bit = 0;
        for (; i < n && bit < BITS; i++, bit += 4) {
            int d = Hex.digit(text.charAt(i));
            if (d < 0) {
                break;
            }
            w[bit >>> 6] |= ((long) d) << (60 - (bit & 63));
        }
        if (i < n && text.charAt(i) == '\n') {
            i++;
        }
        if (i != n) {
            throw new MaskSyntaxException("invalid mask (the kernel answers -EINVAL) at offset "
                    + i + ": " + BadInputException.quote(text));
        }
        return new ApMask(w[0], w[1], w[2], w[3]);
    }

    private static long bit(int id) {
        return 1L << (63 - (id & 63));
    }

    private static void checkId(int id) {
        if (id < 0 || id >= BITS) {
            throw new IllegalArgumentException("id out of range 0..255: " + id);
        }
    }

    private long word(int i) {
        switch (i) {
            case 0: return w0;
            case 1: return w1;
            case 2: return w2;
            default: return w3;
        }
    }

    public boolean contains(int id) {
        checkId(id);
        return (word(id >>> 6) & bit(id)) != 0;
    }

    public ApMask with(int id) {
        checkId(id);
        long b = bit(id);
        switch (id >>> 6) {
            case 0: return new ApMask(w0 | b, w1, w2, w3);
            case 1: return new ApMask(w0, w1 | b, w2, w3);
            case 2: return new ApMask(w0, w1, w2 | b, w3);
            default: return new ApMask(w0, w1, w2, w3 | b);
        }
    }

    public ApMask without(int id) {
        checkId(id);
        long b = ~bit(id);
        switch (id >>> 6) {
            case 0: return new ApMask(w0 & b, w1, w2, w3);
            case 1: return new ApMask(w0, w1 & b, w2, w3);
            case 2: return new ApMask(w0, w1, w2 & b, w3);
            default: return new ApMask(w0, w1, w2, w3 & b);
        }
    }

    public ApMask union(ApMask o) {
        return new ApMask(w0 | o.w0, w1 | o.w1, w2 | o.w2, w3 | o.w3);
    }

    public ApMask intersect(ApMask o) {
        return new ApMask(w0 & o.w0, w1 & o.w1, w2 & o.w2, w3 & o.w3);
    }

    /** Ids in this mask and not in {@code o}. */
    public ApMask minus(ApMask o) {
        return new ApMask(w0 & ~o.w0, w1 & ~o.w1, w2 & ~o.w2, w3 & ~o.w3);
    }

    public ApMask complement() {
        return new ApMask(~w0, ~w1, ~w2, ~w3);
    }

    public boolean containsAll(ApMask o) {
        return o.minus(this).isEmpty();
    }

    public boolean intersects(ApMask o) {
        return !intersect(o).isEmpty();
    }

    public boolean isEmpty() {
        return (w0 | w1 | w2 | w3) == 0;
    }

    public int cardinality() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /** The lowest id {@code >= from} in the mask, or -1 when there is none. */
    public int nextSetId(int from) {
        if (from < 0) {
            from = 0;
        }
        while (from < BITS) {
            int wi = from >>> 6;
            // Shift the id's bit (and everything to its right) up to the MSB.
            long rest = word(wi) << (from & 63);
            if (rest != 0) {
                return from + Long.numberOfLeadingZeros(rest);
            }
            from = (wi + 1) << 6;
        }
        return -1;
    }

    /** The highest id in the mask, or -1 for an empty mask. */
    public int highestId() {
        for (int wi = 3; wi >= 0; wi--) {
            long w = word(wi);
            if (w != 0) {
                return (wi << 6) + 63 - Long.numberOfTrailingZeros(w);
            }
        }
        return -1;
    }

    /** Calls {@code action} for each id in ascending order, without allocating. */
    public void forEachId(IntConsumer action) {
        for (int id = nextSetId(0); id >= 0; id = nextSetId(id + 1)) {
            action.accept(id);
        }
    }

    public IntStream ids() {
        IntStream.Builder b = IntStream.builder();
        forEachId(b);
        return b.build();
    }

    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            private int next = nextSetId(0);

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public Integer next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                int id = next;
                next = nextSetId(id + 1);
                return id;
            }
        };
    }

    /** The 32 bytes in storage order (MSB-first, id 0 in the top bit of byte 0). */
    public byte[] toBytes() {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (word(i >>> 3) >>> (56 - 8 * (i & 7)));
        }
        return b;
    }

    /**
     * The kernel's sysfs form, {@code "0x%016lx%016lx%016lx%016lx"} (and, identically, the QCI
     * masks' {@code "0x%08x"}x8): {@code 0x} plus 64 lowercase hex digits, no newline.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(66).append("0x");
        Hex.append(sb, w0, 16, Hex.LOWER);
        Hex.append(sb, w1, 16, Hex.LOWER);
        Hex.append(sb, w2, 16, Hex.LOWER);
        return Hex.append(sb, w3, 16, Hex.LOWER).toString();
    }

    /** Ids as a readable list with ranges, e.g. {@code 0-15,32,51}. Empty mask gives "". */
    public String toRangeList() {
        StringBuilder sb = new StringBuilder();
        int id = nextSetId(0);
        while (id >= 0) {
            int end = id;
            while (end + 1 < BITS && contains(end + 1)) {
                end++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(id);
            if (end > id) {
                sb.append('-').append(end);
            }
            id = end + 1 < BITS ? nextSetId(end + 1) : -1;
        }
        return sb.toString();
    }
}
