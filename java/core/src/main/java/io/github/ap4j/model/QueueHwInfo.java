// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import io.github.ap4j.BadInputException;

import java.util.OptionalInt;

/**
 * The hardware information of an AP queue: the 64-bit GR2 word that PQAP(TAPQ) with the T bit
 * returns, {@code struct ap_tapq_hwinfo} in {@code arch/s390/include/asm/ap.h} (6.8+ layout,
 * bit 7 named {@code slcf} by upstream 123b7c7c2ba7). IBM bit numbering: bit 0 is the MSB.
 *
 * <pre>
 *  bit  0     apsc   AP special command facility            lszcrypt S
 *  bit  1     mex4k  AP4KM, 4096-bit ME                      M
 *  bit  2     crt4k  AP4KC, 4096-bit CRT                     C
 *  bit  3     cca    CCA coprocessor mode                    D
 *  bit  4     accel  accelerator mode                        A
 *  bit  5     ep11   XCP/EP11 coprocessor mode               X
 *  bit  6     apxa   AP extended addressing                  N
 *  bit  7     slcf   stateless command filtering             H
 *  bits 8-15  class  classification; bit 8 full native      F, bit 9 stateless R
 *  bits 16-17 bs     SE bind/associate state
 *  bits 18-31        reserved
 *  bits 32-39 at     raw AP type (10 CEX4 .. 14 CEX8)
 *  bits 40-47 nd     number of domains
 *  bits 52-55 ml     max message length in 4 KiB chunks
 *  bits 60-63 qd     queue depth minus 1
 * </pre>
 *
 * The high word (bits 0-31, the kernel's {@code fac}) is what sysfs {@code ap_functions}
 * prints; a value built from it plus a raw type ({@link #ofFunctions(int, int)}) remembers that
 * {@code nd}, {@code ml} and {@code qd} are unknown (docs/kernel-rules.md). All accessors are
 * allocation-free bit operations on the word.
 */
public record QueueHwInfo(long word, Known known) {

    /** Which parts of the word carry information. */
    public enum Known {
        /** All 64 bits: a real TAPQ GR2. */
        ALL,
        /** Bits 0-39: {@code ap_functions} plus the raw AP type ({@code raw_hwtype}). */
        FUNCTIONS_AND_TYPE,
        /** Bits 0-31 only: an {@code ap_functions} word without a type. */
        FUNCTIONS
    }

    // 32-bit masks of the facility word, as sysfs ap_functions prints it (docs/bit-layouts.md).
    public static final int FN_APSC = 0x80000000;
    public static final int FN_AP4KM = 0x40000000;
    public static final int FN_AP4KC = 0x20000000;
    public static final int FN_CCA = 0x10000000;
    public static final int FN_ACCEL = 0x08000000;
    public static final int FN_EP11 = 0x04000000;
    public static final int FN_APXA = 0x02000000;
    public static final int FN_SLCF = 0x01000000;
    public static final int FN_CLASS = 0x00FF0000;
    public static final int FN_CLASS_FULL_NATIVE = 0x00800000;
    public static final int FN_CLASS_STATELESS = 0x00400000;
    public static final int FN_BS = 0x0000C000;
    public static final int FN_RESERVED = 0x00003FFF;

    // The same fields on the whole 64-bit GR2 word, for code that keeps words in a long[]
    // (the migration check): the static *Of(long) helpers below are plain shifts and masks.

    /** GR2 bits 0-7, the eight facility bits apsc .. slcf. */
    public static final long GR2_FACILITIES = 0xff00000000000000L;
    /** GR2 bit 8, {@code CLASSIFICATION_NATIVE_FCN_MASK}: full native card function. */
    public static final long GR2_CLASS_FULL_NATIVE = 0x0080000000000000L;
    /** GR2 bits 16-17, the SE bind/associate state. */
    public static final long GR2_BS = 0x0000c00000000000L;
    /** GR2 bits 0-31, the facility word (the kernel's {@code fac}, sysfs {@code ap_functions}). */
    public static final long GR2_FAC = 0xffffffff00000000L;
    /** GR2 bits 32-39, the raw AP type. */
    public static final long GR2_TYPE = 0x00000000ff000000L;

    /** Bits 0-31 of a GR2 word, as {@code ap_functions} prints them. */
    public static int functionsOf(long gr2) {
        return (int) (gr2 >>> 32);
    }

    /** IBM bit {@code bit} (0 = MSB) of a GR2 word. */
    public static boolean bitOf(long gr2, int bit) {
        return (gr2 & (1L << (63 - bit))) != 0;
    }

    /** Bits 32-39 of a GR2 word, the raw AP type. */
    public static int typeOf(long gr2) {
        return (int) (gr2 >>> 24) & 0xff;
    }

    /** Bits 16-17 of a GR2 word, the bind state 0..3. */
    public static int bindStateOf(long gr2) {
        return (int) (gr2 >>> 46) & 3;
    }

    /** Bit 8 of a GR2 word: full native card function. */
    public static boolean fullNativeOf(long gr2) {
        return (gr2 & GR2_CLASS_FULL_NATIVE) != 0;
    }

    /** {@code AP_DEFAULT_MAX_MSG_SIZE} (12 KiB) and the ml chunk size (docs/bit-layouts.md). */
    public static final int DEFAULT_MAX_MSG_SIZE = 12 * 1024;
    public static final int ML_CHUNK_SIZE = 4096;

    /**
     * lszcrypt's FUNCTIONS letters for bits 0-9 ({@code fac_bits[]}, s390-tools
     * zconf/zcrypt/lszcrypt.c), s390-tools 2.26 and later.
     */
    public static final String LETTERS = "SMCDAXNHFR";
    /** The nine letters of s390-tools before 2.26: no {@code H}, bit 7 (SLCF) is not shown. */
    public static final String LETTERS_BEFORE_SLCF = "SMCDAXNFR";

    public QueueHwInfo {
        if (known == null) {
            throw new IllegalArgumentException("known must not be null");
        }
        if (known == Known.FUNCTIONS_AND_TYPE && (word & 0xFFFFFFL) != 0
                || known == Known.FUNCTIONS && (word & 0xFFFFFFFFL) != 0) {
            throw new IllegalArgumentException("bits beyond what is known are set: " + known);
        }
    }

    /** A full TAPQ GR2 word. */
    public static QueueHwInfo ofGr2(long gr2) {
        return new QueueHwInfo(gr2, Known.ALL);
    }

    /**
     * A queue's {@code ap_functions} word (GR2 bits 0-31) plus the card's {@code raw_hwtype}
     * (bits 32-39), rebuilt as the kernel's migration check sees it:
     * {@code gr2 = fac << 32 | at << 24} (docs/kernel-rules.md).
     */
    public static QueueHwInfo ofFunctions(int functions, int rawType) {
        if (rawType < 0 || rawType > 255) {
            throw new IllegalArgumentException("raw AP type out of range 0..255: " + rawType);
        }
        return new QueueHwInfo(((functions & 0xFFFFFFFFL) << 32) | ((long) rawType << 24),
                Known.FUNCTIONS_AND_TYPE);
    }

    /** A facility word without a type. */
    public static QueueHwInfo ofFunctions(int functions) {
        return new QueueHwInfo((functions & 0xFFFFFFFFL) << 32, Known.FUNCTIONS);
    }

    /**
     * Parses {@link #toString()}'s forms: {@code 0x} + 16 hex digits (a GR2 word),
     * {@code 0x} + 8 hex digits (functions only), or {@code 0x<8 digits>,at=<decimal type>}.
     */
    public static QueueHwInfo parse(String text) {
        String s = text == null ? "" : text;
        int comma = s.indexOf(",at=");
        try {
            if (comma >= 0) {
                int fac = (int) Hex.parseUnsigned(s.substring(0, comma), 8, "ap_functions");
                String type = s.substring(comma + 4);
                // ASCII digits only: Character.isDigit and Integer.parseInt would also take
                // other scripts' digits ("at=\u0661\u0663" as 13).
                if (type.isEmpty() || type.length() > 3
                        || !type.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new IllegalArgumentException("bad AP type");
                }
                return ofFunctions(fac, Integer.parseInt(type));
            }
            String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
            if (digits.length() == 16) {
                return ofGr2(Hex.parseUnsigned(s, 16, "GR2"));
            }
            if (digits.length() == 8) {
                return ofFunctions((int) Hex.parseUnsigned(s, 8, "ap_functions"));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the one message that quotes the input
        }
        throw new IllegalArgumentException("not a hardware-info word (expected 0x + 16 hex "
                + "digits, 0x + 8 hex digits, or 0x<8 hex>,at=<type>): " + BadInputException.quote(text));
    }

    /** GR2 bits 0-31, the value {@code ap_functions} shows. */
    public int functions() {
        return functionsOf(word);
    }

    private boolean fn(int mask) {
        return (functions() & mask) != 0;
    }

    /** Bit 0: AP special command facility. */
    public boolean apsc() {
        return fn(FN_APSC);
    }

    /** Bit 1: 4096-bit modular exponentiation ({@code mex4k}). */
    public boolean ap4km() {
        return fn(FN_AP4KM);
    }

    /** Bit 2: 4096-bit CRT ({@code crt4k}). */
    public boolean ap4kc() {
        return fn(FN_AP4KC);
    }

    /** Bit 3: CCA coprocessor mode. */
    public boolean cca() {
        return fn(FN_CCA);
    }

    /** Bit 4: accelerator mode. */
    public boolean accel() {
        return fn(FN_ACCEL);
    }

    /** Bit 5: EP11 (XCP) coprocessor mode. */
    public boolean ep11() {
        return fn(FN_EP11);
    }

    public ApMode mode() {
        return ApMode.ofFunctions(functions());
    }

    /** Bit 6: AP extended addressing. */
    public boolean apxa() {
        return fn(FN_APXA);
    }

    /** Bit 7: stateless command filtering. */
    public boolean slcf() {
        return fn(FN_SLCF);
    }

    /** Bits 8-15: the classification byte. */
    public int classification() {
        return (functions() & FN_CLASS) >>> 16;
    }

    /** Bit 8: full native card function ({@code class & 0x80}). */
    public boolean fullNative() {
        return fn(FN_CLASS_FULL_NATIVE);
    }

    /** Bit 9: only stateless (restricted) functions ({@code class & 0x40}). */
    public boolean stateless() {
        return fn(FN_CLASS_STATELESS);
    }

    /** Bits 16-17 as a number 0..3. */
    public int bindStateCode() {
        return bindStateOf(word);
    }

    public BindState bindState() {
        return BindState.ofCode(bindStateCode());
    }

    /** Bits 18-31, reserved. */
    public int reservedFunctionBits() {
        return functions() & FN_RESERVED;
    }

    /** Whether the raw AP type (bits 32-39) is known. */
    public boolean hasType() {
        return known != Known.FUNCTIONS;
    }

    /** Whether nd, ml and qd (bits 40-63) are known: only for a real GR2 word. */
    public boolean hasApInfo() {
        return known == Known.ALL;
    }

    /** Bits 32-39, the raw AP type ({@code at}, sysfs {@code raw_hwtype}). */
    public int rawType() {
        requireType();
        return typeOf(word);
    }

    public OptionalInt rawTypeIfKnown() {
        return hasType() ? OptionalInt.of(rawType()) : OptionalInt.empty();
    }

    /** The type's name ("CEX8"), or {@code null} when the type is unknown or has no name here. */
    public String typeNameOrNull() {
        return hasType() ? ApType.nameOrNull(rawType()) : null;
    }

    /** Bits 40-47, number of domains ({@code nd}, raw). */
    public int domains() {
        requireApInfo();
        return (int) (word >>> 16) & 0xff;
    }

    /** Bits 52-55, the {@code ml} field (max message length in 4 KiB chunks). */
    public int mlField() {
        requireApInfo();
        return (int) (word >>> 8) & 0xf;
    }

    /**
     * Max message size in bytes as {@code ap_card_create()} derives it:
     * {@code ml > 3 ? ml * 4096 : AP_DEFAULT_MAX_MSG_SIZE} (6.8+ kernels; docs/bit-layouts.md,
     * lightly verified; kernels before the hwinfo struct used {@code ml > 0}).
     */
    public int maxMessageSize() {
        int ml = mlField();
        return ml > 3 ? ml * ML_CHUNK_SIZE : DEFAULT_MAX_MSG_SIZE;
    }

    /**
     * Bits 60-63 plus one: the number of request slots (qd 0..7 means 1..8, upstream 3317785a8803).
     */
    public int queueDepth() {
        requireApInfo();
        return ((int) word & 0xf) + 1;
    }

    /** lszcrypt's 10-letter FUNCTIONS column for this word, e.g. {@code S--D--NHF-}. */
    public String letters() {
        return letters(functions());
    }

    /** lszcrypt's 10-letter FUNCTIONS column ({@code SMCDAXNHFR}) for a facility word. */
    public static String letters(int functions) {
        char[] out = new char[LETTERS.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (functions & (0x80000000 >>> i)) != 0 ? LETTERS.charAt(i) : '-';
        }
        return new String(out);
    }

    /**
     * The facility bits an alphabet of lszcrypt letters can show ({@code 0xFFC00000} for all ten).
     */
    public static int letterBits(String alphabet) {
        int bits = 0;
        for (int i = 0; i < alphabet.length(); i++) {
            bits |= 0x80000000 >>> LETTERS.indexOf(alphabet.charAt(i));
        }
        return bits;
    }

    /**
     * The facility word behind an lszcrypt FUNCTIONS column in {@code alphabet}
     * ({@link #LETTERS} or {@link #LETTERS_BEFORE_SLCF}): each position is its letter or
     * {@code -}; empty when {@code text} is not of that form.
     */
    public static OptionalInt functionsOfLetters(String text, String alphabet) {
        if (text.length() != alphabet.length()) {
            return OptionalInt.empty();
        }
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == alphabet.charAt(i)) {
                bits |= 0x80000000 >>> LETTERS.indexOf(c);
            } else if (c != '-') {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(bits);
    }

    /** The same word with the card-level mask the kernel applies before storing card hwinfo. */
    public QueueHwInfo cardLevel() {
        // TAPQ_CARD_HWINFO_MASK = 0xFFFF0000FFFF0F0F, ap_bus.h (docs/bit-layouts.md)
        return new QueueHwInfo(word & 0xFFFF0000FFFF0F0FL
                & (known == Known.ALL ? -1L : 0xFFFFFFFFFF000000L), known);
    }

    private void requireType() {
        if (!hasType()) {
            throw new IllegalStateException("raw AP type unknown: built from ap_functions alone");
        }
    }

    private void requireApInfo() {
        if (!hasApInfo()) {
            throw new IllegalStateException("nd/ml/qd unknown: not built from a TAPQ GR2 word");
        }
    }

    /**
     * {@code 0x%016X} for a GR2 word, {@code 0x%08X,at=%d} for functions plus type,
     * {@code 0x%08X} for functions alone; {@link #parse(String)} reads each back.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(20).append("0x");
        switch (known) {
            case ALL:
                return Hex.append(sb, word, 16, Hex.UPPER).toString();
            case FUNCTIONS_AND_TYPE:
                return Hex.append(sb, functions(), 8, Hex.UPPER).append(",at=").append(rawType())
                        .toString();
            default:
                return Hex.append(sb, functions(), 8, Hex.UPPER).toString();
        }
    }
}
