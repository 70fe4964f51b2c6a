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
 *
 * @param word the GR2 word; bits beyond what {@code known} covers are 0
 * @param known which bits of {@code word} carry information
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
    /** {@code ap_functions} bit 0, {@code apsc}: AP special command facility (lszcrypt S). */
    public static final int FN_APSC = 0x80000000;
    /** Bit 1, {@code mex4k}: 4096-bit modular exponentiation (lszcrypt M). */
    public static final int FN_AP4KM = 0x40000000;
    /** Bit 2, {@code crt4k}: 4096-bit CRT (lszcrypt C). */
    public static final int FN_AP4KC = 0x20000000;
    /** Bit 3, {@code cca}: CCA coprocessor mode (lszcrypt D). */
    public static final int FN_CCA = 0x10000000;
    /** Bit 4, {@code accel}: accelerator mode (lszcrypt A). */
    public static final int FN_ACCEL = 0x08000000;
    /** Bit 5, {@code ep11}: EP11 (XCP) coprocessor mode (lszcrypt X). */
    public static final int FN_EP11 = 0x04000000;
    /** Bit 6, {@code apxa}: AP extended addressing (lszcrypt N). */
    public static final int FN_APXA = 0x02000000;
    /** Bit 7, {@code slcf}: stateless command filtering (lszcrypt H, s390-tools 2.26+). */
    public static final int FN_SLCF = 0x01000000;
    /** Bits 8-15, the classification byte. */
    public static final int FN_CLASS = 0x00FF0000;
    /** Bit 8: full native card function (lszcrypt F). */
    public static final int FN_CLASS_FULL_NATIVE = 0x00800000;
    /** Bit 9: only stateless functions (lszcrypt R). */
    public static final int FN_CLASS_STATELESS = 0x00400000;
    /** Bits 16-17, {@code bs}: the SE bind/associate state; 0 in the card-level copy. */
    public static final int FN_BS = 0x0000C000;
    /** Bits 18-31, reserved. */
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

    /**
     * Bits 0-31 of a GR2 word, as {@code ap_functions} prints them.
     *
     * @param gr2 a TAPQ GR2 word
     * @return the facility word
     */
    public static int functionsOf(long gr2) {
        return (int) (gr2 >>> 32);
    }

    /**
     * IBM bit {@code bit} (0 = MSB) of a GR2 word.
     *
     * @param gr2 a TAPQ GR2 word
     * @param bit the IBM bit number, 0..63
     * @return whether that bit is set
     */
    public static boolean bitOf(long gr2, int bit) {
        return (gr2 & (1L << (63 - bit))) != 0;
    }

    /**
     * Bits 32-39 of a GR2 word, the raw AP type.
     *
     * @param gr2 a TAPQ GR2 word
     * @return the type 0..255, e.g. 14 for a CEX8 (sysfs {@code raw_hwtype})
     */
    public static int typeOf(long gr2) {
        return (int) (gr2 >>> 24) & 0xff;
    }

    /**
     * Bits 16-17 of a GR2 word, the bind state.
     *
     * @param gr2 a TAPQ GR2 word
     * @return 0..3, as {@link BindState#ofCode(int)} reads it
     */
    public static int bindStateOf(long gr2) {
        return (int) (gr2 >>> 46) & 3;
    }

    /**
     * Bit 8 of a GR2 word: full native card function.
     *
     * @param gr2 a TAPQ GR2 word
     * @return whether the classification says full native function
     */
    public static boolean fullNativeOf(long gr2) {
        return (gr2 & GR2_CLASS_FULL_NATIVE) != 0;
    }

    /** {@code AP_DEFAULT_MAX_MSG_SIZE}: 12288 bytes, the size used when {@code ml <= 3}. */
    public static final int DEFAULT_MAX_MSG_SIZE = 12 * 1024;
    /** Bytes per unit of the {@code ml} field (docs/bit-layouts.md). */
    public static final int ML_CHUNK_SIZE = 4096;

    /**
     * lszcrypt's FUNCTIONS letters for bits 0-9 ({@code fac_bits[]}, s390-tools
     * zconf/zcrypt/lszcrypt.c), s390-tools 2.26 and later.
     */
    public static final String LETTERS = "SMCDAXNHFR";
    /** The nine letters of s390-tools before 2.26: no {@code H}, bit 7 (SLCF) is not shown. */
    public static final String LETTERS_BEFORE_SLCF = "SMCDAXNFR";

    /**
     * Checks the word against what is known.
     *
     * @param word the GR2 word
     * @param known which bits of {@code word} carry information
     * @throws IllegalArgumentException if {@code known} is null or {@code word} has bits set
     *     beyond it
     */
    public QueueHwInfo {
        if (known == null) {
            throw new IllegalArgumentException("known must not be null");
        }
        if (known == Known.FUNCTIONS_AND_TYPE && (word & 0xFFFFFFL) != 0
                || known == Known.FUNCTIONS && (word & 0xFFFFFFFFL) != 0) {
            throw new IllegalArgumentException("bits beyond what is known are set: " + known);
        }
    }

    /**
     * A full TAPQ GR2 word: every accessor answers.
     *
     * @param gr2 the word PQAP(TAPQ) with the T bit left in GR2
     * @return the hardware information, {@link Known#ALL}
     */
    public static QueueHwInfo ofGr2(long gr2) {
        return new QueueHwInfo(gr2, Known.ALL);
    }

    /**
     * A queue's {@code ap_functions} word (GR2 bits 0-31) plus the card's {@code raw_hwtype}
     * (bits 32-39), rebuilt as the kernel's migration check sees it:
     * {@code gr2 = fac << 32 | at << 24} (docs/kernel-rules.md).
     *
     * @param functions the queue's {@code ap_functions} value
     * @param rawType the card's {@code raw_hwtype}, 0..255
     * @return the hardware information, {@link Known#FUNCTIONS_AND_TYPE}
     * @throws IllegalArgumentException if {@code rawType} is outside 0..255
     */
    public static QueueHwInfo ofFunctions(int functions, int rawType) {
        if (rawType < 0 || rawType > 255) {
            throw new IllegalArgumentException("raw AP type out of range 0..255: " + rawType);
        }
        return new QueueHwInfo(((functions & 0xFFFFFFFFL) << 32) | ((long) rawType << 24),
                Known.FUNCTIONS_AND_TYPE);
    }

    /**
     * A facility word without a type, for example from lszcrypt's FUNCTIONS column.
     *
     * @param functions the 32-bit facility word
     * @return the hardware information, {@link Known#FUNCTIONS}
     */
    public static QueueHwInfo ofFunctions(int functions) {
        return new QueueHwInfo((functions & 0xFFFFFFFFL) << 32, Known.FUNCTIONS);
    }

    /**
     * Parses {@link #toString()}'s forms: {@code 0x} + 16 hex digits (a GR2 word),
     * {@code 0x} + 8 hex digits (functions only), or {@code 0x<8 digits>,at=<decimal type>}.
     *
     * @param text one of the three forms; null is rejected like any other bad text
     * @return the hardware information, with {@link Known} set by the form
     * @throws IllegalArgumentException if {@code text} is none of the forms
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

    /** {@return GR2 bits 0-31, the value sysfs {@code ap_functions} shows} */
    public int functions() {
        return functionsOf(word);
    }

    private boolean fn(int mask) {
        return (functions() & mask) != 0;
    }

    /** {@return bit 0, {@code apsc}: whether the AP special command facility is installed} */
    public boolean apsc() {
        return fn(FN_APSC);
    }

    /** {@return bit 1, {@code mex4k}: whether 4096-bit modular exponentiation is available} */
    public boolean ap4km() {
        return fn(FN_AP4KM);
    }

    /** {@return bit 2, {@code crt4k}: whether 4096-bit CRT is available} */
    public boolean ap4kc() {
        return fn(FN_AP4KC);
    }

    /** {@return bit 3: whether the queue runs in CCA coprocessor mode} */
    public boolean cca() {
        return fn(FN_CCA);
    }

    /** {@return bit 4: whether the queue runs in accelerator mode} */
    public boolean accel() {
        return fn(FN_ACCEL);
    }

    /** {@return bit 5: whether the queue runs in EP11 (XCP) coprocessor mode} */
    public boolean ep11() {
        return fn(FN_EP11);
    }

    /** {@return the mode bits 3-5 decoded: CCA, accelerator, EP11, or none/several} */
    public ApMode mode() {
        return ApMode.ofFunctions(functions());
    }

    /** {@return bit 6, {@code apxa}: whether AP extended addressing (ids above 63/15) is on} */
    public boolean apxa() {
        return fn(FN_APXA);
    }

    /** {@return bit 7, {@code slcf}: whether stateless command filtering is on} */
    public boolean slcf() {
        return fn(FN_SLCF);
    }

    /** {@return bits 8-15, the classification byte, 0..255} */
    public int classification() {
        return (functions() & FN_CLASS) >>> 16;
    }

    /** {@return bit 8: whether the card has full native function ({@code class & 0x80})} */
    public boolean fullNative() {
        return fn(FN_CLASS_FULL_NATIVE);
    }

    /**
     * {@return bit 9: whether only stateless (restricted) functions are offered ({@code class &
     * 0x40})}
     */
    public boolean stateless() {
        return fn(FN_CLASS_STATELESS);
    }

    /** {@return bits 16-17, the SE bind/associate state as a number 0..3} */
    public int bindStateCode() {
        return bindStateOf(word);
    }

    /** {@return bits 16-17 decoded; always {@link BindState#USABLE} (0) in a card-level copy} */
    public BindState bindState() {
        return BindState.ofCode(bindStateCode());
    }

    /** {@return bits 18-31, reserved: nonzero means a facility this version does not know} */
    public int reservedFunctionBits() {
        return functions() & FN_RESERVED;
    }

    /** {@return whether the raw AP type (bits 32-39) is known} */
    public boolean hasType() {
        return known != Known.FUNCTIONS;
    }

    /** {@return whether nd, ml and qd (bits 40-63) are known: only for a real GR2 word} */
    public boolean hasApInfo() {
        return known == Known.ALL;
    }

    /**
     * Bits 32-39, the raw AP type ({@code at}, sysfs {@code raw_hwtype}).
     *
     * @return the type 0..255, e.g. 13 for a CEX7
     * @throws IllegalStateException if the type is unknown ({@link Known#FUNCTIONS})
     */
    public int rawType() {
        requireType();
        return typeOf(word);
    }

    /** {@return the raw AP type 0..255, or empty when built from {@code ap_functions} alone} */
    public OptionalInt rawTypeIfKnown() {
        return hasType() ? OptionalInt.of(rawType()) : OptionalInt.empty();
    }

    /**
     * {@return the type's name ("CEX8"), or {@code null} when the type is unknown or has no name
     * here}
     */
    public String typeNameOrNull() {
        return hasType() ? ApType.nameOrNull(rawType()) : null;
    }

    /**
     * Bits 40-47, the number of domains ({@code nd}) as TAPQ reports it, not adjusted.
     *
     * @return 0..255
     * @throws IllegalStateException if not built from a GR2 word
     */
    public int domains() {
        requireApInfo();
        return (int) (word >>> 16) & 0xff;
    }

    /**
     * Bits 52-55, the {@code ml} field (max message length in 4 KiB chunks).
     *
     * @return 0..15
     * @throws IllegalStateException if not built from a GR2 word
     */
    public int mlField() {
        requireApInfo();
        return (int) (word >>> 8) & 0xf;
    }

    /**
     * Max message size in bytes as {@code ap_card_create()} derives it:
     * {@code ml > 3 ? ml * 4096 : AP_DEFAULT_MAX_MSG_SIZE} (6.8+ kernels; docs/bit-layouts.md,
     * lightly verified; kernels before the hwinfo struct used {@code ml > 0}).
     *
     * @return bytes, 12288..61440
     * @throws IllegalStateException if not built from a GR2 word
     */
    public int maxMessageSize() {
        int ml = mlField();
        return ml > 3 ? ml * ML_CHUNK_SIZE : DEFAULT_MAX_MSG_SIZE;
    }

    /**
     * Bits 60-63 plus one: the number of request slots (qd 0..7 means 1..8, upstream 3317785a8803).
     *
     * @return 1..16, what sysfs {@code depth} prints on kernels with that commit
     * @throws IllegalStateException if not built from a GR2 word
     */
    public int queueDepth() {
        requireApInfo();
        return ((int) word & 0xf) + 1;
    }

    /** {@return lszcrypt's 10-letter FUNCTIONS column for this word, e.g. {@code S--D--NHF-}} */
    public String letters() {
        return letters(functions());
    }

    /**
     * lszcrypt's 10-letter FUNCTIONS column ({@code SMCDAXNHFR}) for a facility word.
     *
     * @param functions the 32-bit facility word
     * @return ten characters, each its letter when the bit is set, else {@code -}
     */
    public static String letters(int functions) {
        char[] out = new char[LETTERS.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (functions & (0x80000000 >>> i)) != 0 ? LETTERS.charAt(i) : '-';
        }
        return new String(out);
    }

    /**
     * The facility bits an alphabet of lszcrypt letters can show ({@code 0xFFC00000} for all ten).
     *
     * @param alphabet letters out of {@link #LETTERS}, e.g. {@link #LETTERS_BEFORE_SLCF}
     * @return the {@code ap_functions} mask of those letters' bits
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
     *
     * @param text the column as lszcrypt printed it
     * @param alphabet the letters of the s390-tools version that printed it
     * @return the facility bits shown, or empty when {@code text} does not fit {@code alphabet}
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

    /**
     * The same word with the card-level mask the kernel applies before storing card hwinfo.
     *
     * @return the word masked with {@code TAPQ_CARD_HWINFO_MASK}: bits 16-31 (the bind state
     *     among them) cleared, as the card's {@code ap_functions} shows it
     */
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
     *
     * @return the upper-case hex form for {@link #known()}
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
