// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import io.github.ap4j.BadInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * A relative edit of {@code /sys/bus/ap/apmask} or {@code aqmask}, such as
 * {@code +0-15,+32,-0x14}, parsed and applied exactly as the kernel's {@code modify_bitmap()}
 * does ({@code drivers/s390/crypto/ap_bus.c}; docs/sysfs-formats.md):
 * <ul>
 *   <li>terms are {@code ±N} or {@code ±N-M}, and every term needs its own sign;</li>
 *   <li>numbers are read by {@code simple_strtoul(s, &end, 0)}: {@code 0x} hex, a leading
 *       {@code 0} octal, otherwise decimal, wrapping modulo 2<sup>64</sup> like the C code;</li>
 *   <li>a range needs {@code N <= M < 256}; commas and newlines may follow a term;</li>
 *   <li>terms apply left to right, so the last operation on a bit wins.</li>
 * </ul>
 * Whatever the kernel rejects with {@code -EINVAL} throws {@link MaskSyntaxException}.
 *
 * @param terms the terms in the order they apply
 */
public record MaskEdit(List<Term> terms) {

    /**
     * One signed term: set ({@code +}) or clear ({@code -}) ids {@code from..to}.
     *
     * @param set true for {@code +}, false for {@code -}
     * @param from the first id, 0..255
     * @param to the last id, {@code from}..255; equal to {@code from} for a single id
     */
    public record Term(boolean set, int from, int to) {
        /**
         * Checks the range.
         *
         * @param set true for {@code +}, false for {@code -}
         * @param from the first id
         * @param to the last id
         * @throws IllegalArgumentException unless {@code 0 <= from <= to < 256}
         */
        public Term {
            if (from < 0 || to >= ApMask.BITS || from > to) {
                throw new IllegalArgumentException("bad term range " + from + "-" + to);
            }
        }

        @Override
        public String toString() {
            return (set ? "+" : "-") + from + (to > from ? "-" + to : "");
        }
    }

    /**
     * Copies the terms.
     *
     * @param terms the terms in the order they apply
     */
    public MaskEdit {
        terms = List.copyOf(terms);
    }

    /**
     * Whether the kernel would treat a write as a relative edit.
     *
     * @param text what is written to {@code apmask} or {@code aqmask}
     * @return true when its first character is {@code +} or {@code -}
     */
    public static boolean isRelative(String text) {
        return !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-');
    }

    /**
     * Parses a relative edit string as {@code modify_bitmap()} does.
     *
     * @param text for example {@code -5} or {@code +0x10-0x1f,-20}
     * @return the edit
     * @throws MaskSyntaxException where the kernel would answer {@code -EINVAL}
     */
    public static MaskEdit parse(String text) {
        if (!isRelative(text)) {
            throw new MaskSyntaxException("not a relative mask edit (must start with + or -): "
                    + BadInputException.quote(text));
        }
        List<Term> terms = new ArrayList<>();
        int[] pos = {0};
        int n = text.length();
        while (pos[0] < n) {
            char sign = text.charAt(pos[0]++);
            if (sign != '+' && sign != '-') {
                throw reject(text, pos[0] - 1, "every term needs its own + or - sign");
            }
            int start = pos[0];
            long a = strtoul(text, pos);
            if (pos[0] == start || Long.compareUnsigned(a, ApMask.BITS) >= 0) {
                throw reject(text, start, "expected a number 0..255");
            }
            long z = a;
            if (pos[0] < n && text.charAt(pos[0]) == '-') {
                start = ++pos[0];
                z = strtoul(text, pos);
                if (pos[0] == start || Long.compareUnsigned(a, z) > 0
                        || Long.compareUnsigned(z, ApMask.BITS) >= 0) {
                    throw reject(text, start, "expected a range end N..255 not below its start");
                }
            }
            terms.add(new Term(sign == '+', (int) a, (int) z));
            while (pos[0] < n && (text.charAt(pos[0]) == ',' || text.charAt(pos[0]) == '\n')) {
                pos[0]++;
            }
        }
        return new MaskEdit(terms);
    }

    /**
     * What the kernel's {@code ap_parse_bitmap_str()} makes of a write of {@code text} to a mask
     * attribute whose value is {@code current}: a relative edit of it, or an absolute mask read
     * by {@code hex2bitmap()}.
     *
     * @param text what is written
     * @param current the attribute's value before the write
     * @return the value after it
     * @throws MaskSyntaxException where the kernel would answer {@code -EINVAL}
     */
    public static ApMask applyWrite(String text, ApMask current) {
        return isRelative(text) ? parse(text).apply(current) : ApMask.parseHex2Bitmap(text);
    }

    private static MaskSyntaxException reject(String text, int at, String why) {
        return new MaskSyntaxException("invalid mask edit (the kernel answers -EINVAL) at offset "
                + at + ", " + why + ": " + BadInputException.quote(text));
    }

    /**
     * {@code simple_strtoul(s, &end, 0)}: base from the prefix as
     * {@code _parse_integer_fixup_radix()} picks it, digits until the first one not valid in
     * that base, value modulo 2<sup>64</sup>. Advances {@code pos[0]} past the digits; leaves it
     * unchanged when there are none.
     */
    private static long strtoul(String s, int[] pos) {
        int i = pos[0];
        int n = s.length();
        int base = 10;
        if (i < n && s.charAt(i) == '0') {
            boolean hexPrefix = i + 2 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                    && Hex.digit(s.charAt(i + 2)) >= 0;
            if (hexPrefix) {
                base = 16;
                i += 2;
            } else {
                base = 8;
            }
        }
        long v = 0;
        int digits = 0;
        for (; i < n; i++) {
            int d = Hex.digit(s.charAt(i));
            if (d < 0 || d >= base) {
                break;
            }
            v = v * base + d;
            digits++;
        }
        if (digits > 0) {
            pos[0] = i;
        }
        return v;
    }

    /**
     * Applies the terms in order to {@code mask}.
     *
     * @param mask the value before the edit
     * @return the value after it
     */
    public ApMask apply(ApMask mask) {
        ApMask m = mask;
        for (Term t : terms) {
            ApMask r = ApMask.range(t.from(), t.to());
            m = t.set() ? m.union(r) : m.minus(r);
        }
        return m;
    }

    /**
     * The smallest edit turning {@code from} into {@code to}: set terms first, then clears.
     *
     * @param from the current mask
     * @param to the wanted mask
     * @return the edit, empty when the masks are equal
     */
    public static MaskEdit between(ApMask from, ApMask to) {
        List<Term> terms = new ArrayList<>();
        addRanges(terms, to.minus(from), true);
        addRanges(terms, from.minus(to), false);
        return new MaskEdit(terms);
    }

    private static void addRanges(List<Term> terms, ApMask ids, boolean set) {
        int id = ids.nextSetId(0);
        while (id >= 0) {
            int end = id;
            while (end + 1 < ApMask.BITS && ids.contains(end + 1)) {
                end++;
            }
            terms.add(new Term(set, id, end));
            id = end + 1 < ApMask.BITS ? ids.nextSetId(end + 1) : -1;
        }
    }

    /** {@return whether the edit has no term (writing it would change nothing)} */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** {@return the edit as the kernel reads it back, decimal ids, e.g. {@code +0-15,+32,-20}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(t);
        }
        return sb.toString();
    }
}
