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
 *
 * @param w0 ids 0..63, id 0 in the most significant bit
 * @param w1 ids 64..127, id 64 in the most significant bit
 * @param w2 ids 128..191, id 128 in the most significant bit
 * @param w3 ids 192..255, id 192 in the most significant bit
 */
public record ApMask(long w0, long w1, long w2, long w3) implements Iterable<Integer> {

    /** Number of ids in a mask ({@code AP_DEVICES} = {@code AP_DOMAINS} = 256). */
    public static final int BITS = 256;

    /**
     * What a QCI-based bus attribute prints when the machine has no QCI (docs/sysfs-formats.md).
     */
    public static final String NOT_SUPPORTED = "not supported";

    /** No id set: an mdev with nothing assigned, or a host that reserves nothing for zcrypt. */
    public static final ApMask EMPTY = new ApMask(0, 0, 0, 0);
    /** All 256 ids set, as the kernel's default {@code apmask}/{@code aqmask} at boot. */
    public static final ApMask FULL = new ApMask(-1L, -1L, -1L, -1L);

    /**
     * A mask with exactly the given ids set.
     *
     * @param ids adapter or domain ids, each 0..255; duplicates are harmless
     * @return the mask with those ids and no other
     * @throws IllegalArgumentException if an id is outside 0..255
     */
    public static ApMask of(int... ids) {
        long[] w = new long[4];
        for (int id : ids) {
            checkId(id);
            w[id >>> 6] |= bit(id);
        }
        return new ApMask(w[0], w[1], w[2], w[3]);
    }

    /**
     * A mask with ids {@code from..to} (inclusive) set, as the kernel's {@code +N-M} term sets
     * them.
     *
     * @param from the first id, 0..255
     * @param to the last id, {@code from}..255
     * @return the mask with exactly that range
     * @throws IllegalArgumentException if an id is out of range or {@code from > to}
     */
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

    /**
     * Builds a mask from 32 bytes in storage order (as in the QCI block, docs/bit-layouts.md).
     *
     * @param bytes the buffer, for example the 128-byte QCI block
     * @param offset where the mask starts: 16 for {@code apm}, 48 for {@code aqm}, 80 for
     *     {@code adm}
     * @return the mask, id 0 in the top bit of {@code bytes[offset]}
     * @throws ArrayIndexOutOfBoundsException if fewer than 32 bytes follow {@code offset}
     */
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
     *
     * @param text the attribute's content as read
     * @return the mask, or empty for {@code not supported}
     * @throws IllegalArgumentException if {@code text} is neither form
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
     *
     * @param text the attribute's content, for example {@code apmask}
     * @return the mask
     * @throws IllegalArgumentException if {@code text} is null or not of that form
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
     *
     * @param text what would be written to {@code apmask} or {@code aqmask}
     * @return the mask the kernel would store
     * @throws MaskSyntaxException where the kernel would answer {@code -EINVAL}
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

    /**
     * Whether an id is set.
     *
     * @param id an adapter or domain id, 0..255
     * @return whether bit {@code id} (counted from the left) is set
     * @throws IllegalArgumentException if {@code id} is outside 0..255
     */
    public boolean contains(int id) {
        checkId(id);
        return (word(id >>> 6) & bit(id)) != 0;
    }

    /**
     * This mask with one more id set.
     *
     * @param id the id to set, 0..255
     * @return a new mask; this one is unchanged
     * @throws IllegalArgumentException if {@code id} is outside 0..255
     */
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

    /**
     * This mask with one id cleared.
     *
     * @param id the id to clear, 0..255
     * @return a new mask; this one is unchanged
     * @throws IllegalArgumentException if {@code id} is outside 0..255
     */
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

    /**
     * The ids in either mask (bitwise OR).
     *
     * @param o the other mask
     * @return the union
     */
    public ApMask union(ApMask o) {
        return new ApMask(w0 | o.w0, w1 | o.w1, w2 | o.w2, w3 | o.w3);
    }

    /**
     * The ids in both masks (bitwise AND), as the kernel combines {@code apm} and {@code aqm}
     * with the host's masks.
     *
     * @param o the other mask
     * @return the intersection
     */
    public ApMask intersect(ApMask o) {
        return new ApMask(w0 & o.w0, w1 & o.w1, w2 & o.w2, w3 & o.w3);
    }

    /**
     * Ids in this mask and not in {@code o}.
     *
     * @param o the ids to remove
     * @return the difference
     */
    public ApMask minus(ApMask o) {
        return new ApMask(w0 & ~o.w0, w1 & ~o.w1, w2 & ~o.w2, w3 & ~o.w3);
    }

    /**
     * All 256 ids flipped.
     *
     * @return the ids not in this mask
     */
    public ApMask complement() {
        return new ApMask(~w0, ~w1, ~w2, ~w3);
    }

    /**
     * Whether every id of {@code o} is in this mask.
     *
     * @param o the ids to look for
     * @return true when {@code o} is a subset; always true for an empty {@code o}
     */
    public boolean containsAll(ApMask o) {
        return o.minus(this).isEmpty();
    }

    /**
     * Whether the masks share an id.
     *
     * @param o the other mask
     * @return true when at least one id is in both
     */
    public boolean intersects(ApMask o) {
        return !intersect(o).isEmpty();
    }

    /**
     * Whether no id is set.
     *
     * @return true for the all-zero mask
     */
    public boolean isEmpty() {
        return (w0 | w1 | w2 | w3) == 0;
    }

    /**
     * How many ids are set.
     *
     * @return 0..256
     */
    public int cardinality() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /**
     * The lowest id {@code >= from} in the mask.
     *
     * @param from where to start; a negative value means 0, 256 or more finds nothing
     * @return the id, or -1 when there is none
     */
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

    /**
     * The highest id in the mask.
     *
     * @return the id 0..255, or -1 for an empty mask
     */
    public int highestId() {
        for (int wi = 3; wi >= 0; wi--) {
            long w = word(wi);
            if (w != 0) {
                return (wi << 6) + 63 - Long.numberOfTrailingZeros(w);
            }
        }
        return -1;
    }

    /**
     * Calls {@code action} for each id in ascending order, without allocating.
     *
     * @param action receives each set id
     */
    public void forEachId(IntConsumer action) {
        for (int id = nextSetId(0); id >= 0; id = nextSetId(id + 1)) {
            action.accept(id);
        }
    }

    /**
     * The set ids.
     *
     * @return the ids in ascending order
     */
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

    /**
     * The 32 bytes in storage order, as in the QCI block.
     *
     * @return a new array, MSB-first: id 0 in the top bit of byte 0
     */
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
     *
     * @return the sysfs form, which {@link #parse(String)} reads back
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(66).append("0x");
        Hex.append(sb, w0, 16, Hex.LOWER);
        Hex.append(sb, w1, 16, Hex.LOWER);
        Hex.append(sb, w2, 16, Hex.LOWER);
        return Hex.append(sb, w3, 16, Hex.LOWER).toString();
    }

    /**
     * Ids as a readable list with ranges, e.g. {@code 0-15,32,51}.
     *
     * @return the ids in decimal, ascending; "" for an empty mask
     */
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
