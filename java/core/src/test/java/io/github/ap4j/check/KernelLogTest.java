// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static io.github.ap4j.check.RuleSet.DOC;
import static io.github.ap4j.check.RuleSet.V3;
import static io.github.ap4j.check.RuleSetTest.w;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ap4j.model.Apqn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of report_qinfo_incompatibilities() in both polarities, LATE and V34 texts. */
class KernelLogTest {
    static final String U = TestHost.UUID;
    static final String P = "vfio_ap_mdev " + U + ": ";
    static final Apqn Q = Apqn.of(5, 0x33);
    static final String H = P + "Migration failed: Source and target queue (05.0033) not compatible";
    static final int N = TestHost.CCA_NATIVE;

    /** (rules, src fn, tgt fn, expected lines after the header); types equal (13). */
    static Stream<Arguments> rows() {
        int apsc = 0x80000000, mex = 0x40000000, crt = 0x20000000, cca = 0x10000000;
        int acc = 0x08000000, xcp = 0x04000000, apxa = 0x02000000, slcf = 0x01000000;
        return Stream.of(
            Arguments.of(DOC, N, N & ~apsc, List.of(
                P + "APSC facility installed in source queue 05.0033",
                P + "APSC facility not installed in target queue 05.0033")),
            Arguments.of(DOC, N & ~apsc, N, List.of(
                P + "APSC facility not installed in source queue 05.0033",
                P + "APSC facility installed in target queue 05.0033")),
            Arguments.of(V3, N, N & ~apsc, List.of(
                P + "APSC facility installed in source queue 05.0033",
                P + "APSC facility not installed in target queue 05.0033")),
            Arguments.of(V3, N & ~apsc, N, List.of(
                P + "APSC facility not installed in source queue 05.0033",
                "vfio_ap_mdev " + U + " APSC facility installed in target queue 05.0033")),
            Arguments.of(DOC, N, N & ~mex, List.of(
                P + "mex4k facility installed in source queue 05.0033",
                P + "mex4k facility not installed in target queue 05.0033")),
            Arguments.of(V3, N & ~mex, N, List.of(
                P + "mex4k facility not installed in source queue 05.0033",
                P + "mex4k facility installed in target queue 05.0033")),
            Arguments.of(DOC, N & ~crt, N, List.of(
                P + "crt4k facility not installed in source queue 05.0033",
                P + "crt4k facility installed in target queue 05.0033")),
            Arguments.of(V3, N, N & ~crt, List.of(
                P + "crt4k facility installed in source queue 05.0033",
                P + "crt4k facility not installed in target queue 05.0033")),
            Arguments.of(DOC, N, N & ~cca, List.of(
                P + "Coprocessor-mode facility installed in source queue 05.0033",
                P + "Coprocessor-mode facility not installed in target queue 05.0033")),
            Arguments.of(DOC, N & ~cca, N, List.of(
                P + "Coprocessor-mode facility not installed in source queue 05.0033",
                P + "Coprocessor-mode facility installed in target queue 05.0033")),
            Arguments.of(V3, N, N & ~cca, List.of(
                P + "Coprocessor-mode facility installed in source queue 05.0033",
                P + "Coprocessor-mode  facility not installed target queue 05.0033")),
            Arguments.of(V3, N & ~cca, N, List.of(
                P + "Coprocessor-mode facility not installed in source queue 05.0033",
                P + "Coprocessor-mode  facility installed target queue 05.0033")),
            Arguments.of(DOC, N | acc, N, List.of(
                P + "Accelerator-mode facility installed in source queue 05.0033",
                P + "Accelerator-mode facility not installed in target queue 05.0033")),
            Arguments.of(V3, N | acc, N, List.of(
                P + "Accelerator-mode facility installed source queue 05.0033",
                P + "Accelerator-mode facility not installed target queue 05.0033")),
            Arguments.of(V3, N, N | acc, List.of(
                P + "Accelerator-mode facility not installed source queue 05.0033",
                P + "Accelerator-mode facility installed target queue 05.0033")),
            Arguments.of(DOC, N, N | xcp, List.of(
                P + "XCP-mode facility not installed in source queue 05.0033",
                P + "XCP-mode facility installed in target queue 05.0033")),
            Arguments.of(V3, N | xcp, N, List.of(
                P + "XCP-mode facility installed source queue 05.0033",
                P + "XCP-mode facility not installed target queue 05.0033")),
            Arguments.of(V3, N, N | xcp, List.of(
                P + "XCP-mode facility not installed source queue 05.0033",
                P + "XCP-mode facility installed target queue 05.0033")),
            Arguments.of(DOC, N, N & ~apxa, List.of(
                P + "AP-extended-addressing (APXA) facility installed in source queue 05.0033",
                P + "AP-extended-addressing (APXA) facility not installed in target queue 05.0033")),
            Arguments.of(V3, N & ~apxa, N, List.of(
                P + "AP-extended-addressing (APXA) facility not installed in source queue 05.0033",
                P + "AP-extended-addressing (APXA) facility installed in target queue 05.0033")),
            Arguments.of(DOC, N, N & ~slcf, List.of(
                P + "Stateless-command-filtering (SLCF) available in source queue 05.0033",
                P + "Stateless-command-filtering (SLCF) not available in target queue 05.0033")),
            Arguments.of(V3, N & ~slcf, N, List.of(
                P + "Stateless-command-filtering (SLCF) not available in source queue 05.0033",
                P + "Stateless-command-filtering (SLCF) available in target queue 05.0033")),
            Arguments.of(DOC, N | 0x8000, N, List.of(
                P + "Bind/associate state for source (2) and target (0) queue 05.0033 must be 0")),
            Arguments.of(V3, N, N | 0xC000, List.of(
                P + "Bind/associate state for source (0) and target (3) queue 05.0033 must be 0")),
            Arguments.of(DOC, N, TestHost.CCA_STATELESS, List.of(
                P + "Full native card function available on source queue 05.0033",
                P + "Only stateless functions available on target queue 05.0033")),
            // v3 only: stateless to native passes nothing but the header (class byte in fac).
            Arguments.of(V3, TestHost.CCA_STATELESS, N, List.of()));
    }

    @ParameterizedTest(name = "{index}: {0} {1} -> {2}")
    @MethodSource("rows")
    void row(RuleSet rules, int src, int tgt, List<String> expected) {
        List<String> out = new ArrayList<>();
        long s = w(src, 13);
        long t = w(tgt, 13);
        KernelLog.reportIncompatibilities(rules, U, Q, s, t, out);
        List<String> want = new ArrayList<>();
        want.add(H);
        want.addAll(expected);
        assertEquals(want, out);
    }

    @Test
    void apTypeRowPrintsTwoLowercaseHexDigitsAndNoApqn() {
        List<String> out = new ArrayList<>();
        KernelLog.reportIncompatibilities(DOC, U, Q, w(N, 14), w(N, 11), out);
        assertEquals(List.of(H, P + "AP type of source (0e) not compatible with target (0b)"), out);
    }

    @Test
    void allRowsInOrderHThen1To11() {
        // Source has every facility and native class, type 0x0e, BS 1; target none, type 0x0d, BS 0.
        int src = 0xFF800000 | 0x4000;
        int tgt = 0x00400000;
        for (RuleSet r : RuleSet.values()) {
            List<String> out = new ArrayList<>();
            KernelLog.reportIncompatibilities(r, U, Q, w(src, 14), w(tgt, 13), out);
            boolean v3 = r == V3;
            assertEquals(List.of(H,
                P + "APSC facility installed in source queue 05.0033",
                P + "APSC facility not installed in target queue 05.0033",
                P + "mex4k facility installed in source queue 05.0033",
                P + "mex4k facility not installed in target queue 05.0033",
                P + "crt4k facility installed in source queue 05.0033",
                P + "crt4k facility not installed in target queue 05.0033",
                P + "Coprocessor-mode facility installed in source queue 05.0033",
                P + (v3 ? "Coprocessor-mode  facility not installed target queue 05.0033"
                        : "Coprocessor-mode facility not installed in target queue 05.0033"),
                P + "Accelerator-mode facility installed " + (v3 ? "" : "in ") + "source queue 05.0033",
                P + "Accelerator-mode facility not installed " + (v3 ? "" : "in ") + "target queue 05.0033",
                P + "XCP-mode facility installed " + (v3 ? "" : "in ") + "source queue 05.0033",
                P + "XCP-mode facility not installed " + (v3 ? "" : "in ") + "target queue 05.0033",
                P + "AP-extended-addressing (APXA) facility installed in source queue 05.0033",
                P + "AP-extended-addressing (APXA) facility not installed in target queue 05.0033",
                P + "Stateless-command-filtering (SLCF) available in source queue 05.0033",
                P + "Stateless-command-filtering (SLCF) not available in target queue 05.0033",
                P + "AP type of source (0e) not compatible with target (0d)",
                P + "Bind/associate state for source (1) and target (0) queue 05.0033 must be 0",
                P + "Full native card function available on source queue 05.0033",
                P + "Only stateless functions available on target queue 05.0033"), out, r.label());
        }
    }

    @Test
    void singleLineMessages() {
        assertEquals("error: device not found: mediated device '" + U + "' not found",
                KernelLog.libvirtMdevNotFound(U));
        assertEquals(P + "Migration not allowed from or to a Secure Execution guest",
                KernelLog.seNotAllowed(U));
        assertEquals(P + "Queue 05.0033 not available to vfio_ap driver on target host",
                KernelLog.queueNotAvailable(U, Q));
        assertEquals("vfio_ap_mdev: " + U + ": Control domain 003a not available on the destination host",
                KernelLog.controlDomainMissing(U, 0x3a));
        assertEquals(P + "Failed to get hwinfo for queue 05.0033: TAPQ rc=1",
                KernelLog.tapqFailed(DOC, U, Q, 1));
        assertEquals(P + "Failed to get hwinfo for queue 05.0033: TAPQ rc=48",
                KernelLog.tapqFailed(DOC, U, Q, 0x30));
        assertEquals(P + "migration failed: Failed to get hwinfo for queue 05.0033 on target host: TAPQ rc=1",
                KernelLog.tapqFailed(V3, U, Q, 1));
        assertEquals(P + "Failed to get hwinfo for queue 05.0033: TAPQ rc=48",
                KernelLog.tapqFailed(V3, U, Q, 0x30));
        assertEquals(P + "Userspace may not assign queue 05.0033 to mdev: already assigned to "
                + TestHost.OTHER, KernelLog.sharingError(U, Q, TestHost.OTHER));
    }
}
