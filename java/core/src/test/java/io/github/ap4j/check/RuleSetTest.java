// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static io.github.ap4j.check.RuleSet.DOC;
import static io.github.ap4j.check.RuleSet.V3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ap4j.model.QueueHwInfo;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    static final int N = TestHost.CCA_NATIVE;      // 0xF3800000
    static final int S = TestHost.CCA_STATELESS;   // 0xF3400000

    static long w(int fn, int type) {
        return QueueHwInfo.ofFunctions(fn, type).word();
    }

    static Stream<Arguments> table() {
        return Stream.of(
            // name, src, tgt, doc, v3
            Arguments.of("identical", w(N, 13), w(N, 13), true, true),
            Arguments.of("type upgrade", w(N, 13), w(N, 14), true, true),
            Arguments.of("type downgrade", w(N, 14), w(N, 13), false, false),
            Arguments.of("stateless source to full-native target", w(S, 13), w(N, 13), true, false),
            Arguments.of("full-native source to stateless target", w(N, 13), w(S, 13), false, false),
            Arguments.of("identical non-zero BS", w(N | 0x4000, 13), w(N | 0x4000, 13), false, true),
            Arguments.of("BS 0 vs 1", w(N, 13), w(N | 0x4000, 13), false, false),
            Arguments.of("BS both 3, type upgrade", w(N | 0xC000, 13), w(N | 0xC000, 14), false, false),
            Arguments.of("reserved bits differ, same type", w(N | 0x0001, 13), w(N, 13), true, true),
            Arguments.of("reserved bits differ with type upgrade", w(N | 0x0001, 13), w(N, 14), true, false),
            Arguments.of("class bits 10-15 differ with type upgrade", w(N | 0x00200000, 13), w(N, 14), true, false),
            Arguments.of("nd/ml/qd differ", w(N, 13) | 0x0055_0F0FL, w(N, 13) | 0x0010_0A03L, true, true),
            Arguments.of("reserved low bits differ", w(N, 13) | 0xF0F0L, w(N, 13), true, true),
            Arguments.of("mode CCA vs EP11", w(N, 13), w(TestHost.EP11_NATIVE, 13), false, false),
            Arguments.of("SLCF differs", w(N, 13), w(N & ~0x01000000, 13), false, false),
            Arguments.of("APXA differs with type upgrade", w(N, 13), w(N & ~0x02000000, 14), false, false),
            Arguments.of("stateless to native with type upgrade", w(S, 12), w(N, 14), true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void comparator(String name, long src, long tgt, boolean doc, boolean v3) {
        assertEquals(doc, DOC.compatible(src, tgt), "doc");
        assertEquals(v3, V3.compatible(src, tgt), "v3");
    }

    static Stream<Arguments> tapq() {
        return Stream.of(
            // rc, async, doc usable, v3 usable
            Arguments.of(0x00, false, true, true),
            Arguments.of(0x02, false, true, true),
            Arguments.of(0x03, true, true, true),
            Arguments.of(0x04, false, true, true),
            Arguments.of(0x05, false, true, true),
            Arguments.of(0x01, false, false, false),
            Arguments.of(0x01, true, false, false),
            Arguments.of(0x30, true, true, false),
            Arguments.of(0x30, false, false, true),
            Arguments.of(0x06, false, false, true));
    }

    @ParameterizedTest(name = "rc {0} async {1}")
    @MethodSource("tapq")
    void tapqSemantics(int rc, boolean async, boolean doc, boolean v3) {
        assertEquals(doc, DOC.tapqUsable(rc, async));
        assertEquals(v3, V3.tapqUsable(rc, async));
    }

    @Test
    void perRuleSetConstants() {
        assertEquals(Errno.EINVAL, DOC.incompatibleErrno());
        assertEquals(Errno.EFAULT, V3.incompatibleErrno());
        assertEquals(Errno.ENODEV, RuleSet.tapqErrno(1));
        assertEquals(Errno.EIO, RuleSet.tapqErrno(0x30));
        assertEquals(DOC, RuleSet.parse("doc"));
        assertEquals(V3, RuleSet.parse("V3"));
        // The v4 posting carries the v3 code: "v4" names the same rules.
        assertEquals(V3, RuleSet.parse("v4"));
        assertEquals(V3, RuleSet.parse("V4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleSet.parse("v5"));
        assertEquals("unknown rule set 'v5' (expected doc, v3 or its alias v4)", e.getMessage());
    }

    @Test
    void bulkComparisonCountsEveryPairOfTheFullMatrix() {
        int n = 65536;
        long[] s = new long[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = w(N | ((i % 0x3FFF) + 1), 13) | (i & 0xFF);
            t[i] = w(N, 14);
        }
        // doc ignores reserved bits 18-31 and the low AP-info bits; v3 compares the whole
        // 32-bit facility word, so every pair (reserved bits differ, type upgrade) fails there.
        assertEquals(0, DOC.countIncompatible(s, t, n));
        assertEquals(n, V3.countIncompatible(s, t, n));
        assertEquals(0, V3.countIncompatible(s, t, 0));
    }
}
