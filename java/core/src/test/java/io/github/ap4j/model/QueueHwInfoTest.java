// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** struct ap_tapq_hwinfo, bit by bit (docs/bit-layouts.md). */
class QueueHwInfoTest {

    record Flag(String name, int ibmBit, char letter, Predicate<QueueHwInfo> get) {
    }

    static final List<Flag> FLAGS = List.of(
            new Flag("apsc", 0, 'S', QueueHwInfo::apsc),
            new Flag("ap4km", 1, 'M', QueueHwInfo::ap4km),
            new Flag("ap4kc", 2, 'C', QueueHwInfo::ap4kc),
            new Flag("cca", 3, 'D', QueueHwInfo::cca),
            new Flag("accel", 4, 'A', QueueHwInfo::accel),
            new Flag("ep11", 5, 'X', QueueHwInfo::ep11),
            new Flag("apxa", 6, 'N', QueueHwInfo::apxa),
            new Flag("slcf", 7, 'H', QueueHwInfo::slcf),
            new Flag("fullNative", 8, 'F', QueueHwInfo::fullNative),
            new Flag("stateless", 9, 'R', QueueHwInfo::stateless));

    static Stream<Arguments> flags() {
        return FLAGS.stream().map(Arguments::of);
    }

    /** Each flag alone: only its accessor is true, only its letter shows, at the IBM bit. */
    @ParameterizedTest
    @MethodSource("flags")
    void eachFlagBitAlone(Flag flag) {
        long word = 1L << (63 - flag.ibmBit());
        QueueHwInfo h = QueueHwInfo.ofGr2(word);
        for (Flag f : FLAGS) {
            assertEquals(f == flag, f.get().test(h), f.name() + " with only " + flag.name() + " set");
        }
        char[] letters = "----------".toCharArray();
        letters[flag.ibmBit()] = flag.letter();
        assertEquals(new String(letters), h.letters());
        assertEquals(1 << (31 - flag.ibmBit()), h.functions());
        assertEquals(0, h.bindStateCode());
        assertEquals(0, h.rawType());
    }

    @ParameterizedTest
    @CsvSource({
        "0x1000000000000000, CCA",
        "0x0800000000000000, ACCEL",
        "0x0400000000000000, EP11",
        "0x0000000000000000, NONE",
        "0x1C00000000000000, CCA",
        "0x0C00000000000000, ACCEL",
    })
    void mode(String word, ApMode mode) {
        assertEquals(mode, QueueHwInfo.ofGr2(Long.parseUnsignedLong(word.substring(2), 16)).mode());
    }

    @ParameterizedTest
    @CsvSource({
        "0x0000000000000000, 0, USABLE",
        "0x0000400000000000, 1, USABLE_NO_SECURE_KEY",
        "0x0000800000000000, 2, AVAILABLE_FOR_BINDING",
        "0x0000C00000000000, 3, UNUSABLE",
    })
    void bindStateBits16and17(String word, int code, BindState state) {
        QueueHwInfo h = QueueHwInfo.parse(word);
        assertEquals(code, h.bindStateCode());
        assertEquals(state, h.bindState());
        assertEquals(code, state.code());
        assertEquals(0, h.reservedFunctionBits());
        assertEquals(0, h.classification());
    }

    @Test
    void classificationByteAndReservedBits() {
        QueueHwInfo h = QueueHwInfo.parse("0x00FF3FFF00000000");
        assertEquals(0xFF, h.classification());
        assertTrue(h.fullNative());
        assertTrue(h.stateless());
        assertEquals(0x3FFF, h.reservedFunctionBits());
        assertEquals(0, h.bindStateCode());
        assertFalse(h.slcf());
        assertEquals("--------FR", h.letters());
    }

    @ParameterizedTest
    @CsvSource({
        // word, at, nd, ml, maxMsgSize, qd+1
        "0x000000000E550007, 14, 85, 0, 12288, 8",
        "0x000000000A100300, 10, 16, 3, 12288, 1",
        "0x000000000D550400, 13, 85, 4, 16384, 1",
        "0x00000000FFFF0F0F, 255, 255, 15, 61440, 16",
        "0x0000000000000000, 0, 0, 0, 12288, 1",
    })
    void apInfoWord(String word, int at, int nd, int ml, int maxMsg, int depth) {
        QueueHwInfo h = QueueHwInfo.parse(word);
        assertEquals(at, h.rawType());
        assertEquals(nd, h.domains());
        assertEquals(ml, h.mlField());
        assertEquals(maxMsg, h.maxMessageSize());
        assertEquals(depth, h.queueDepth());
        assertEquals(0, h.functions());
    }

    @Test
    void reservedApInfoBitsAreIgnored() {
        // bits 48-51 and 56-59 are reserved: they must not leak into ml or qd
        QueueHwInfo h = QueueHwInfo.parse("0x000000000000F0F0");
        assertEquals(0, h.mlField());
        assertEquals(1, h.queueDepth());
        assertEquals(0, h.domains());
    }

    @ParameterizedTest
    @CsvSource({
        "14, CEX8", "13, CEX7", "12, CEX6", "11, CEX5", "10, CEX4",
    })
    void namedTypes(int code, ApType type) {
        QueueHwInfo h = QueueHwInfo.ofFunctions(0, code);
        assertEquals(code, h.rawType());
        assertEquals(type.name(), h.typeNameOrNull());
        assertEquals(type, ApType.byCode(code).orElseThrow());
    }

    @Test
    void unknownFutureTypeKeepsItsNumber() {
        QueueHwInfo h = QueueHwInfo.ofFunctions(0x92800000, 15);
        assertEquals(15, h.rawType());
        assertNull(h.typeNameOrNull());
        assertTrue(ApType.byCode(15).isEmpty());
        assertTrue(ApType.byCode(-1).isEmpty());
    }

    @Test
    void aRealCex8CcaWord() {
        QueueHwInfo h = QueueHwInfo.parse("0xF28000000E550007");
        assertTrue(h.apsc() && h.ap4km() && h.ap4kc() && h.cca() && h.apxa() && h.fullNative());
        assertFalse(h.accel() || h.ep11() || h.slcf() || h.stateless());
        assertEquals(ApMode.CCA, h.mode());
        assertEquals(0x80, h.classification());
        assertEquals(BindState.USABLE, h.bindState());
        assertEquals(14, h.rawType());
        assertEquals("CEX8", h.typeNameOrNull());
        assertEquals(85, h.domains());
        assertEquals(8, h.queueDepth());
        assertEquals("SMCD--N-F-", h.letters());
        assertEquals(0xF2800000, h.functions());
    }

    @Test
    void fromFunctionsRemembersWhatIsUnknown() {
        QueueHwInfo h = QueueHwInfo.ofFunctions(0x9280C000, 14);
        assertEquals(QueueHwInfo.Known.FUNCTIONS_AND_TYPE, h.known());
        assertEquals(0x9280C000L << 32 | 14L << 24, h.word());
        assertTrue(h.hasType());
        assertFalse(h.hasApInfo());
        assertEquals(3, h.bindStateCode());
        assertEquals(14, h.rawTypeIfKnown().orElseThrow());
        assertThrows(IllegalStateException.class, h::domains);
        assertThrows(IllegalStateException.class, h::maxMessageSize);
        assertThrows(IllegalStateException.class, h::queueDepth);

        QueueHwInfo f = QueueHwInfo.ofFunctions(0x92800000);
        assertFalse(f.hasType());
        assertTrue(f.rawTypeIfKnown().isEmpty());
        assertNull(f.typeNameOrNull());
        assertThrows(IllegalStateException.class, f::rawType);
        assertEquals(ApMode.CCA, f.mode());
    }

    @Test
    void knownBitsAreEnforced() {
        assertThrows(IllegalArgumentException.class,
                () -> new QueueHwInfo(0x1L, QueueHwInfo.Known.FUNCTIONS_AND_TYPE));
        assertThrows(IllegalArgumentException.class,
                () -> new QueueHwInfo(0x0E000000L, QueueHwInfo.Known.FUNCTIONS));
        assertThrows(IllegalArgumentException.class, () -> QueueHwInfo.ofFunctions(0, 256));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0xF28000000E550007", "0x92800000,at=14", "0x00000000", "0x94800000,at=255"})
    void toStringRoundTrips(String text) {
        QueueHwInfo h = QueueHwInfo.parse(text);
        assertEquals(text, h.toString());
        assertEquals(h, QueueHwInfo.parse(h.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0xF2800000E550007", "0xF28000000E5500070", "0x9280000G",
        "0x92800000,at=", "0x92800000,at=1000", "0x92800000,at=-1", "0x92800000,at=0x0e"})
    void rejectsMalformedWords(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueueHwInfo.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void typeDigitsAreAscii() {
        // Arabic-Indic 1 and 3, which Integer.parseInt reads as 13 (seen while writing
        // ModelValuesFuzzTest, whose property now covers it).
        assertThrows(IllegalArgumentException.class,
                () -> QueueHwInfo.parse("0x92800000,at=\u0661\u0663"));
    }

    @Test
    void cardLevelMaskClearsBsAndReserved() {
        // TAPQ_CARD_HWINFO_MASK = 0xFFFF0000FFFF0F0F (ap_bus.h)
        QueueHwInfo q = QueueHwInfo.parse("0xF380FFFF0E55F7F7");
        assertEquals("0xF38000000E550707", q.cardLevel().toString());
        assertEquals(QueueHwInfo.parse("0x9280C000,at=14").cardLevel(),
                QueueHwInfo.parse("0x92800000,at=14"));
    }

    @Test
    void lettersOfNineLetterEraBitsAreStable() {
        assertEquals("S--D--NHF-", QueueHwInfo.letters(0x93800000));
        assertEquals("SMCDAXNHFR", QueueHwInfo.letters(0xFFC00000));
    }

    /** The static helpers agree with the instance accessors on the raw word (one owner). */
    @ParameterizedTest
    @CsvSource({
        // gr2,               functions,  type, bs, full native
        "0xF2800000E5500007, 0xF2800000, 229, 0, true",
        "0x9280C0000E000000, 0x9280C000, 14,  3, true",
        "0x6A4080000D000000, 0x6A408000, 13,  2, false",
        "0x0000000000000000, 0x00000000, 0,   0, false",
    })
    void staticHelpersOnALongMatchTheAccessors(String gr2, String functions, int type, int bs,
            boolean fullNative) {
        long w = Long.parseUnsignedLong(gr2.substring(2), 16);
        QueueHwInfo h = QueueHwInfo.ofGr2(w);
        assertEquals(Integer.parseUnsignedInt(functions.substring(2), 16), QueueHwInfo.functionsOf(w));
        assertEquals(h.functions(), QueueHwInfo.functionsOf(w));
        assertEquals(type, QueueHwInfo.typeOf(w));
        assertEquals(h.rawType(), QueueHwInfo.typeOf(w));
        assertEquals(bs, QueueHwInfo.bindStateOf(w));
        assertEquals(h.bindStateCode(), QueueHwInfo.bindStateOf(w));
        assertEquals(fullNative, QueueHwInfo.fullNativeOf(w));
        assertEquals(h.apsc(), QueueHwInfo.bitOf(w, 0));
        assertEquals(h.slcf(), QueueHwInfo.bitOf(w, 7));
    }

    @ParameterizedTest
    @CsvSource({
        "S--D--NHF-, SMCDAXNHFR, 0x93800000",
        "SMCDAXNHFR, SMCDAXNHFR, 0xFFC00000",
        "----------, SMCDAXNHFR, 0x00000000",
        "S--D--NF-,  SMCDAXNFR,  0x92800000",
        "SMCDAXNFR,  SMCDAXNFR,  0xFEC00000",
        "-MC-A-NF-,  SMCDAXNFR,  0x6A800000",
    })
    void lszcryptLettersBothEras(String text, String alphabet, String word) {
        assertEquals(Integer.parseUnsignedInt(word.substring(2), 16),
                QueueHwInfo.functionsOfLetters(text, alphabet).getAsInt());
    }

    @ParameterizedTest
    @CsvSource({"S--D--NHF, SMCDAXNHFR", "S--D--NHFX, SMCDAXNHFR", "D--S--NF-, SMCDAXNFR",
        "S--D--NHF-, SMCDAXNFR"})
    void lszcryptLettersRejectOtherText(String text, String alphabet) {
        assertTrue(QueueHwInfo.functionsOfLetters(text, alphabet).isEmpty());
    }

    @Test
    void letterBitsOfEachEra() {
        assertEquals(0xFFC00000, QueueHwInfo.letterBits(QueueHwInfo.LETTERS));
        assertEquals(0xFEC00000, QueueHwInfo.letterBits(QueueHwInfo.LETTERS_BEFORE_SLCF)); // no H
    }

    @Test
    void bitOfCountsFromTheMostSignificantBit() {
        assertTrue(QueueHwInfo.bitOf(0x0100000000000000L, 7));
        assertFalse(QueueHwInfo.bitOf(0x0100000000000000L, 6));
        assertTrue(QueueHwInfo.bitOf(0x8000000000000000L, 0));
    }

    @Test
    void typeRangeEndsAndSingleDigitTypes() {
        assertEquals(255, QueueHwInfo.ofFunctions(0, 255).rawType());
        assertThrows(IllegalArgumentException.class, () -> QueueHwInfo.ofFunctions(0, 256));
        assertEquals(0, QueueHwInfo.parse("0x00000000,at=0").rawType());
        assertEquals(9, QueueHwInfo.parse("0x00000000,at=9").rawType());
        assertEquals(14, ApType.CEX8.code());
    }

    @Test
    void typeAndResponseCodeLookupsAtTheRangeEnds() {
        assertTrue(ApType.byCode(256).isEmpty());
        assertTrue(ApType.byCode(-1).isEmpty());
        assertNull(ApType.nameOrNull(256));
        assertNull(ApType.nameOrNull(-1));
        assertEquals(ResponseCode.NORMAL, ResponseCode.byCodeOrNull(0));
        assertNull(ResponseCode.byCodeOrNull(256));
        assertNull(ResponseCode.byCodeOrNull(-1));
    }

    @Test
    void hexNumbersTakeEitherPrefixAndExactlyUpToTheirWidth() {
        assertEquals(0x1f, Hex.parseUnsigned("0x1f", 2, "t"));
        assertEquals(0x1f, Hex.parseUnsigned("0X1f", 2, "t"));
        assertEquals(0x1f, Hex.parseUnsigned("1f", 2, "t"));
        assertEquals(5, Hex.parseUnsigned("0x5", 2, "t"));
        assertThrows(IllegalArgumentException.class, () -> Hex.parseUnsigned("0x", 2, "t"));
        assertThrows(IllegalArgumentException.class, () -> Hex.parseUnsigned("0x123", 2, "t"));
    }
}
