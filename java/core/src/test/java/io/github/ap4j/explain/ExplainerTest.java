// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.check.FindingCode;
import io.github.ap4j.check.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every row of the vfio-ap.rst failure tables ({@code [PATCH v4 15/15]}, "Live guest migration
 * failures due to AP configuration errors") and every kernel message form of both rule sets, typed
 * here from the kernel sources' format strings (not produced by ap4j), pasted in every style with
 * noise; each must give exactly the expected failure, codes, APQN, rules and differences.
 */
class ExplainerTest {

    static final String U = "62177883-f1bb-47f0-914d-32a22e3a8804";
    static final String P = "vfio_ap_mdev " + U + ": ";
    static final String Q = "05.0033";

    static final List<String> DOC = List.of("doc");
    static final List<String> V3 = List.of("v3");
    static final List<String> BOTH = List.of("doc", "v3");

    static final String CONSOLE_19 = "error: operation failed: migration failed. Message from the "
            + "source host: operation failed: job 'migration out' failed: Sibling indicated error 1. "
            + "Message from the destination host: operation failed: job 'migration in' failed: load "
            + "of migration failed: No such device: Failed to load vmstate version_id: 1, ret: -19";

    record Case(String name, List<String> lines, Failure failure, List<String> codes, String apqn,
            List<String> rules, List<Difference> differences) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Difference d(Feature f, Object s, Object t) {
        return new Difference(f, s, t);
    }

    static Case report(String name, List<String> rules, List<Difference> diffs, String... lines) {
        List<String> all = new ArrayList<>();
        all.add(P + "Migration failed: Source and target queue (" + Q + ") not compatible");
        all.addAll(List.of(lines));
        return new Case(name, all, Failure.QUEUE_INCOMPATIBLE, List.of("HWINFO_INCOMPATIBLE"), Q,
                rules, diffs);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // --- the vfio-ap.rst failure tables, one case per table (source and destination lines) ---
        c.add(new Case("seed: destination missing the mdev", List.of(
                "error: device not found: mediated device '" + U + "' not found",
                "initiating migration", "qemu-system-s390x: Sibling indicated error 1"),
                Failure.MDEV_MISSING, List.of("MDEV_MISSING"), null, BOTH, List.of()));
        c.add(new Case("seed: queue not bound to vfio_ap", List.of(CONSOLE_19,
                P + "Queue 00.0033 not available to vfio_ap driver on target host",
                "shutting down, reason=failed",
                "qemu-system-s390x: terminating on signal 15 from pid 1196 (/usr/sbin/virtqemud)"),
                Failure.QUEUE_NOT_AVAILABLE, List.of("QUEUE_MISSING", "QUEUE_NOT_ON_VFIO_AP",
                "APQN_RESERVED_FOR_HOST"), "00.0033", BOTH, List.of()));
        c.add(new Case("seed: failure to get hardware information", List.of(
                "error: operation failed: migration failed. Message from the source host: operation "
                + "failed: job 'migration out' failed: Sibling indicated error 1. Message from the "
                + "destination host: operation failed: job 'migration in' failed: load of migration "
                + "failed: failed to get hardware information for queue device " + Q,
                P + "migration failed: Failed to get hwinfo for queue " + Q + " on target host: rc=48",
                "shutting down, reason=failed",
                "qemu-system-s390x: terminating on signal 15 from pid 1196 (/usr/sbin/virtqemud)"),
                Failure.HWINFO_UNAVAILABLE, List.of("TAPQ_FAILED"), Q, DOC, List.of()));
        c.add(new Case("seed: not compatible", List.of(CONSOLE_19, "initiating migration",
                "qemu-system-s390x: Sibling indicated error 1",
                P + "Migration failed: Source and target queue (" + Q + ") not compatible",
                P + "APSC facility installed in source queue " + Q,
                P + "APSC facility not installed in target queue " + Q,
                "AP type of source (0e) not compatible with target (0d)",
                "qemu-system-s390x: error while loading state section id 42(vfio-ap)",
                "shutting down, reason=failed",
                "qemu-system-s390x: terminating on signal 15 from pid 1196 (/usr/sbin/virtqemud)"),
                Failure.QUEUE_INCOMPATIBLE, List.of("HWINFO_INCOMPATIBLE"), Q, BOTH,
                List.of(d(Feature.APSC, true, false), d(Feature.AP_TYPE, 14, 13))));
        c.add(new Case("console only", List.of(CONSOLE_19, "initiating migration",
                "qemu-system-s390x: Sibling indicated error 1"),
                Failure.MIGRATION_FAILED_UNSPECIFIED, List.of("QUEUE_MISSING",
                "QUEUE_NOT_ON_VFIO_AP", "APQN_RESERVED_FOR_HOST", "CONTROL_DOMAIN_MISSING",
                "HWINFO_INCOMPATIBLE", "TAPQ_FAILED", "ID_ABOVE_MAXIMUM"), null, BOTH, List.of()));

        // --- the incompatibility report, row by row, LATE (doc) and V34 (v3) texts ---
        c.add(report("APSC on source", BOTH, List.of(d(Feature.APSC, true, false)),
                P + "APSC facility installed in source queue " + Q,
                P + "APSC facility not installed in target queue " + Q));
        c.add(report("APSC on target, LATE", DOC, List.of(d(Feature.APSC, false, true)),
                P + "APSC facility not installed in source queue " + Q,
                P + "APSC facility installed in target queue " + Q));
        c.add(report("APSC on target, V34 (no colon)", V3, List.of(d(Feature.APSC, false, true)),
                P + "APSC facility not installed in source queue " + Q,
                "vfio_ap_mdev " + U + " APSC facility installed in target queue " + Q));
        for (String[] f : new String[][] {{"mex4k facility", "AP4KM"}, {"crt4k facility", "AP4KC"},
            {"AP-extended-addressing (APXA) facility", "APXA"}}) {
            Feature feature = Feature.valueOf(f[1]);
            c.add(report(f[1] + " on source", BOTH, List.of(d(feature, true, false)),
                    P + f[0] + " installed in source queue " + Q,
                    P + f[0] + " not installed in target queue " + Q));
            c.add(report(f[1] + " on target", BOTH, List.of(d(feature, false, true)),
                    P + f[0] + " not installed in source queue " + Q,
                    P + f[0] + " installed in target queue " + Q));
        }
        c.add(report("CCA on source, LATE", DOC, List.of(d(Feature.CCA, true, false)),
                P + "Coprocessor-mode facility installed in source queue " + Q,
                P + "Coprocessor-mode facility not installed in target queue " + Q));
        c.add(report("CCA on source, V34", V3, List.of(d(Feature.CCA, true, false)),
                P + "Coprocessor-mode facility installed in source queue " + Q,
                P + "Coprocessor-mode  facility not installed target queue " + Q));
        c.add(report("CCA on target, LATE", DOC, List.of(d(Feature.CCA, false, true)),
                P + "Coprocessor-mode facility not installed in source queue " + Q,
                P + "Coprocessor-mode facility installed in target queue " + Q));
        c.add(report("CCA on target, V34", V3, List.of(d(Feature.CCA, false, true)),
                P + "Coprocessor-mode facility not installed in source queue " + Q,
                P + "Coprocessor-mode  facility installed target queue " + Q));
        for (String[] f : new String[][] {{"Accelerator-mode facility", "ACCEL"},
            {"XCP-mode facility", "EP11"}}) {
            Feature feature = Feature.valueOf(f[1]);
            c.add(report(f[1] + " on source, LATE", DOC, List.of(d(feature, true, false)),
                    P + f[0] + " installed in source queue " + Q,
                    P + f[0] + " not installed in target queue " + Q));
            c.add(report(f[1] + " on source, V34", V3, List.of(d(feature, true, false)),
                    P + f[0] + " installed source queue " + Q,
                    P + f[0] + " not installed target queue " + Q));
            c.add(report(f[1] + " on target, V34", V3, List.of(d(feature, false, true)),
                    P + f[0] + " not installed source queue " + Q,
                    P + f[0] + " installed target queue " + Q));
        }
        c.add(report("SLCF on target", BOTH, List.of(d(Feature.SLCF, false, true)),
                P + "Stateless-command-filtering (SLCF) not available in source queue " + Q,
                P + "Stateless-command-filtering (SLCF) available in target queue " + Q));
        c.add(report("AP type", BOTH, List.of(d(Feature.AP_TYPE, 14, 11)),
                P + "AP type of source (0e) not compatible with target (0b)"));
        c.add(report("bind state", BOTH, List.of(d(Feature.BIND_STATE, 1, 3)),
                P + "Bind/associate state for source (1) and target (3) queue " + Q + " must be 0"));
        c.add(report("class", BOTH, List.of(d(Feature.CLASS, "FULL_NATIVE", "STATELESS")),
                P + "Full native card function available on source queue " + Q,
                P + "Only stateless functions available on target queue " + Q));
        c.add(report("several rows in order", DOC, List.of(d(Feature.APSC, true, false),
                d(Feature.EP11, false, true), d(Feature.AP_TYPE, 13, 12),
                d(Feature.CLASS, "FULL_NATIVE", "STATELESS")),
                P + "APSC facility installed in source queue " + Q,
                P + "APSC facility not installed in target queue " + Q,
                P + "XCP-mode facility not installed in source queue " + Q,
                P + "XCP-mode facility installed in target queue " + Q,
                P + "AP type of source (0d) not compatible with target (0c)",
                P + "Full native card function available on source queue " + Q,
                P + "Only stateless functions available on target queue " + Q));

        // --- the other kernel messages ---
        c.add(new Case("queue not available", List.of(P + "Queue 1f.00ab not available to vfio_ap "
                + "driver on target host"), Failure.QUEUE_NOT_AVAILABLE, List.of("QUEUE_MISSING",
                "QUEUE_NOT_ON_VFIO_AP", "APQN_RESERVED_FOR_HOST"), "1f.00ab", BOTH, List.of()));
        c.add(new Case("control domain, LATE", List.of("vfio_ap_mdev: " + U + ": Control domain "
                + "0033 not available on the destination host"), Failure.CONTROL_DOMAIN_MISSING,
                List.of("CONTROL_DOMAIN_MISSING"), null, DOC, List.of()));
        c.add(new Case("SE, V34", List.of(P + "Migration not allowed from or to a Secure "
                + "Execution guest"), Failure.SE_GUEST, List.of("SE_GUEST"), null, V3, List.of()));
        c.add(new Case("TAPQ, LATE and INT rc 1 / V34 async", List.of(P + "Failed to get hwinfo for "
                + "queue " + Q + ": TAPQ rc=48"), Failure.HWINFO_UNAVAILABLE,
                List.of("TAPQ_FAILED", "SOURCE_TAPQ_FAILED"), Q, BOTH, List.of()));
        c.add(new Case("TAPQ, V34 rc 1", List.of(P + "migration failed: Failed to get hwinfo for "
                + "queue " + Q + " on target host: TAPQ rc=1"), Failure.HWINFO_UNAVAILABLE,
                List.of("TAPQ_FAILED", "SOURCE_TAPQ_FAILED"), Q, V3, List.of()));
        c.add(new Case("TAPQ, INT default rc (no space)", List.of("vfio_ap_mdev " + U
                + ":Failed to get hwinfo for queue " + Q + ": TAPQ rc=6"),
                Failure.HWINFO_UNAVAILABLE, List.of("TAPQ_FAILED", "SOURCE_TAPQ_FAILED"), Q, DOC,
                List.of()));
        c.add(new Case("shared with another mdev", List.of(P + "Userspace may not assign queue "
                + Q + " to mdev: already assigned to 99999999-8888-7777-6666-555555555555"),
                Failure.APQN_IN_USE, List.of("APQN_IN_USE_BY_OTHER_MDEV"), Q, BOTH, List.of()));
        c.add(new Case("libvirt daemon journal", List.of("device not found: mediated device '" + U
                + "' not found"), Failure.MDEV_MISSING, List.of("MDEV_MISSING"), null, BOTH,
                List.of()));
        return c;
    }

    static Stream<Arguments> pasted() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1;
        for (Case c : cases()) {
            for (Pasted.Style s : Pasted.Style.values()) {
                for (int width : new int[] {0, 80}) {
                    out.add(Arguments.of(c, s, width, seed++));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} / {1} / wrap {2}")
    @MethodSource("pasted")
    void everyRowAndForm(Case c, Pasted.Style style, int width, long seed) {
        List<String> input = Pasted.paste(c.lines(), style, width, seed);
        ExplainReport r = Explainer.explain(input);
        assertEquals(1, r.diagnoses().size(), () -> "diagnoses of " + input + ": " + r);
        Diagnosis d = r.diagnoses().get(0);
        assertEquals(c.failure(), d.failure(), () -> input.toString());
        assertEquals(c.codes(), d.codes().stream().map(FindingCode::name).toList());
        assertEquals(c.apqn(), d.apqn() == null ? null : d.apqn().toString());
        assertEquals(c.rules(), d.rules().stream().map(RuleSet::label).toList());
        assertEquals(c.differences(), d.differences());
        assertEquals(0, r.unrecognised(), () -> input.toString());
        // Every input line that carries a message is among the diagnosis's lines, as given.
        for (String l : input) {
            String t = l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
            if (!Pasted.UNRELATED.contains(t)) {
                assertTrue(d.lines().contains(t), () -> "line not used: " + t + " in " + d.lines());
            }
        }
    }

    @Test
    void oneDiagnosisPerReportAndDuplicatesFold() {
        List<String> report = List.of(P + "Migration failed: Source and target queue (05.0033) not compatible",
                P + "AP type of source (0e) not compatible with target (0d)",
                P + "Migration failed: Source and target queue (05.0034) not compatible",
                P + "AP type of source (0e) not compatible with target (0c)");
        List<String> input = new ArrayList<>(Pasted.paste(report, Pasted.Style.DMESG, 0, 7));
        input.addAll(Pasted.paste(report, Pasted.Style.JOURNAL, 0, 8));
        ExplainReport r = Explainer.explain(input);
        assertEquals(2, r.diagnoses().size());
        assertEquals("05.0033", r.diagnoses().get(0).apqn().toString());
        assertEquals(List.of(d(Feature.AP_TYPE, 14, 13)), r.diagnoses().get(0).differences());
        assertEquals(4, r.diagnoses().get(0).lines().size());
        assertEquals(List.of(d(Feature.AP_TYPE, 14, 12)), r.diagnoses().get(1).differences());
    }

    @Test
    void rateLimitedLinesAreReported() {
        List<String> input = List.of(
                "[  10.000001] " + P + "Migration failed: Source and target queue (05.0033) not compatible",
                "[  10.000002] report_qinfo_incompatibilities: 7 callbacks suppressed",
                "[  10.000003] " + P + "APSC facility not installed in target queue 05.0033");
        ExplainReport r = Explainer.explain(input);
        Diagnosis d = r.diagnoses().get(0);
        assertEquals(List.of(d(Feature.APSC, null, false)), d.differences());
        assertEquals(3, d.lines().size());
        assertTrue(d.explanation().contains("dropped 7 lines"), d.explanation());
    }

    @Test
    void unknownMigrationLinesAreCountedAndOthersIgnored() {
        ExplainReport r = Explainer.explain(List.of(
                "[  1.0] vfio_ap_mdev " + U + ": Something new happened to queue 05.0033",
                "[  2.0] systemd[1]: Started Session 3 of user root.",
                "qemu-system-s390x: -device vfio-ap,sysfsdev=/sys/bus/mdev/devices/" + U + ": oops",
                P + "Queue 05.0100 not available to vfio_ap driver on target host"));
        assertEquals(List.of(), r.diagnoses());
        assertEquals(3, r.unrecognised());
    }

    @Test
    void mdevFilterKeepsOneGuest() {
        String other = "99999999-8888-7777-6666-555555555555";
        ExplainReport r = Explainer.explain(List.of(
                P + "Queue 05.0033 not available to vfio_ap driver on target host",
                "vfio_ap_mdev " + other + ": Queue 06.0033 not available to vfio_ap driver on target host"),
                other.toUpperCase(java.util.Locale.ROOT), null, null);
        assertEquals(1, r.diagnoses().size());
        assertEquals(other, r.diagnoses().get(0).mdev());
        assertEquals("06.0033", r.diagnoses().get(0).apqn().toString());
        assertEquals(Host.DESTINATION, r.diagnoses().get(0).host());
    }

    @Test
    void responseCodeIsNamed() {
        Diagnosis d = Explainer.explain(List.of(P + "Failed to get hwinfo for queue 05.0033: TAPQ rc=48"))
                .diagnoses().get(0);
        assertEquals(48, d.responseCode());
        assertEquals("AP_RESPONSE_Q_BIND_ERROR", d.responseCodeName());
        assertNull(d.host());
    }
}
