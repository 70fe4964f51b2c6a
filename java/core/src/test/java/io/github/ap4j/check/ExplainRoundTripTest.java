// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static io.github.ap4j.check.TestHost.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.explain.Diagnosis;
import io.github.ap4j.explain.ExplainReport;
import io.github.ap4j.explain.Explainer;
import io.github.ap4j.explain.Failure;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ap4j check} predicts the kernel's log lines; {@code ap4j explain} reads them back. For
 * many generated incompatible host pairs under both rule sets, explaining the check's
 * {@code kernelLog} must give the same APQNs and the same codes as the check's findings.
 */
class ExplainRoundTripTest {

    static final ApMatrix GUEST = TestHost.matrix(new int[] {5, 6}, new int[] {0x33, 0x34});
    static final Apqn[] QUEUES = {Apqn.of(5, 0x33), Apqn.of(5, 0x34), Apqn.of(6, 0x33), Apqn.of(6, 0x34)};
    /** Facility bits 0-7, the class bits 8 and 9 and the bind state, per queue. */
    static final int VARIABLE = 0xFFC0C000;

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void incompatibleHardwareRoundTrips(RuleSet rules) {
        Random r = new Random(13 + rules.ordinal());
        int tried = 0;
        int incompatible = 0;
        while (incompatible < 300 && tried < 20_000) {
            tried++;
            TestHost src = TestHost.host();
            TestHost tgt = TestHost.host();
            for (int card : new int[] {5, 6}) {
                int st = 11 + r.nextInt(4);
                int tt = 11 + r.nextInt(4);
                int sf = TestHost.CCA_NATIVE ^ (r.nextInt() & VARIABLE & mutation(r));
                int tf = sf ^ (r.nextInt() & VARIABLE & mutation(r));
                src.card(card, st, sf, 0x33, 0x34);
                tgt.card(card, tt, tf, 0x33, 0x34);
            }
            src.mdev(UUID, GUEST, ApMask.EMPTY);
            tgt.mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
            TargetReport t = check(src.build(), tgt.build(), rules);
            Map<Apqn, Set<FindingCode>> expected = new TreeMap<>();
            for (Finding f : t.findings()) {
                if (f.code() == FindingCode.HWINFO_INCOMPATIBLE) {
                    expected.computeIfAbsent(f.apqn(), k -> new LinkedHashSet<>()).add(f.code());
                }
            }
            if (expected.isEmpty()) {
                continue;
            }
            incompatible++;
            ExplainReport e = Explainer.explain(t.kernelLog());
            assertEquals(0, e.unrecognised(), t.kernelLog().toString());
            Map<Apqn, Set<FindingCode>> got = new TreeMap<>();
            for (Diagnosis d : e.diagnoses()) {
                assertEquals(Failure.QUEUE_INCOMPATIBLE, d.failure(), t.kernelLog().toString());
                assertTrue(d.rules().contains(rules), d.rules() + " " + t.kernelLog());
                // v3 also rejects a class-byte or reserved-bit difference, which has no row.
                assertFalse(rules == RuleSet.DOC && d.differences().isEmpty(), t.kernelLog().toString());
                got.computeIfAbsent(d.apqn(), k -> new LinkedHashSet<>()).addAll(d.codes());
            }
            assertEquals(expected, got, () -> t.kernelLog().toString());
        }
        assertEquals(300, incompatible, "generated pairs too rarely incompatible: " + tried);
    }

    /** Sparse flips most of the time, so that pairs near the compatibility boundary are common. */
    private static int mutation(Random r) {
        return r.nextInt(4) == 0 ? -1 : 1 << (31 - r.nextInt(18));
    }

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void unavailableQueuesRoundTripWithTheSnapshots(RuleSet rules) {
        Random r = new Random(99 + rules.ordinal());
        for (int round = 0; round < 60; round++) {
            TestHost src = TestHost.host().card(5, 13, TestHost.CCA_NATIVE, 0x33, 0x34)
                    .card(6, 13, TestHost.CCA_NATIVE, 0x33, 0x34).mdev(UUID, GUEST, ApMask.EMPTY);
            TestHost tgt = TestHost.host().card(5, 13, TestHost.CCA_NATIVE, 0x33, 0x34)
                    .card(6, 13, TestHost.CCA_NATIVE, 0x33, 0x34).mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
            Set<Apqn> broken = new TreeSet<>();
            if (r.nextBoolean()) {
                // Reserve adapter 6 for the host: its queues go to cex4queue.
                tgt.masks(ApMask.of(6), ApMask.FULL);
                broken.add(QUEUES[2]);
                broken.add(QUEUES[3]);
            }
            for (Apqn q : QUEUES) {
                switch (r.nextInt(4)) {
                    case 0 -> {
                        tgt.removeQueue(q.toString());
                        broken.add(q);
                    }
                    case 1 -> {
                        tgt.driver(q.toString(), "cex4queue");
                        broken.add(q);
                    }
                    default -> { }
                }
            }
            HostSnapshot s = src.build();
            HostSnapshot t = tgt.build();
            TargetReport rep = check(s, t, rules);
            if (broken.isEmpty()) {
                assertTrue(rep.kernelLog().isEmpty(), rep.kernelLog().toString());
                continue;
            }
            ExplainReport e = Explainer.explain(rep.kernelLog(), UUID, s, t);
            Set<Apqn> apqns = new TreeSet<>();
            for (Diagnosis d : e.diagnoses()) {
                assertEquals(Failure.QUEUE_NOT_AVAILABLE, d.failure(), rep.kernelLog().toString());
                apqns.add(d.apqn());
                List<FindingCode> want = new ArrayList<>();
                for (Finding f : rep.findings()) {
                    if (d.apqn().equals(f.apqn()) && !want.contains(f.code())) {
                        want.add(f.code());
                    }
                }
                assertEquals(want, d.codes(), d.apqn() + " " + rep.findings());
                assertTrue(d.explanation().contains("The snapshots confirm it"), d.explanation());
            }
            assertEquals(broken, apqns, rep.kernelLog().toString());
        }
    }

    @Test
    void snapshotsThatShowTheQueueFineContradictTheLog() {
        TestHost src = TestHost.host().card(5, 13, TestHost.CCA_NATIVE, 0x33, 0x34)
                .card(6, 13, TestHost.CCA_NATIVE, 0x33, 0x34).mdev(UUID, GUEST, ApMask.EMPTY);
        TestHost tgt = TestHost.host().card(5, 13, TestHost.CCA_NATIVE, 0x33, 0x34)
                .card(6, 13, TestHost.CCA_NATIVE, 0x33, 0x34).mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
        ExplainReport e = Explainer.explain(List.of(KernelLog.queueNotAvailable(UUID, Apqn.of(5, 0x33))),
                UUID, src.build(), tgt.build());
        Diagnosis d = e.diagnoses().get(0);
        assertEquals(List.of(), d.codes());
        assertTrue(d.explanation().contains("the target snapshot shows queue 05.0033 available to "
                + "vfio_ap now: the configuration changed since the migration"), d.explanation());
    }

    static TargetReport check(HostSnapshot s, HostSnapshot t, RuleSet rules) {
        return MigrationCheck.check(s, UUID, List.of(new MigrationCheck.Target("t", t)), rules)
                .targets().get(0);
    }
}
