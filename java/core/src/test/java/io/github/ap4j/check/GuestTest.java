// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static io.github.ap4j.check.MigrationCheckTest.GUEST;
import static io.github.ap4j.check.MigrationCheckTest.of;
import static io.github.ap4j.check.MigrationCheckTest.problems;
import static io.github.ap4j.check.MigrationCheckTest.run;
import static io.github.ap4j.check.MigrationCheckTest.source;
import static io.github.ap4j.check.MigrationCheckTest.target;
import static io.github.ap4j.check.RuleSet.DOC;
import static io.github.ap4j.check.RuleSet.V3;
import static io.github.ap4j.check.TestHost.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.Mdev;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The source side: what the source snapshot lacks or says about itself. */
class GuestTest {

    static String sourceError(TestHost src) {
        List<MigrationCheck.Target> tg = List.of(new MigrationCheck.Target("t", target().build()));
        return assertThrows(BadInputException.class,
                () -> MigrationCheck.check(src.build(), UUID, tg, DOC)).getMessage();
    }

    @Test
    void sourceWithoutVfioApSaysWhetherItIsUnknownOrNotLoaded() {
        TestHost unknown = source();
        unknown.vfioUnknown = true;
        assertTrue(sourceError(unknown).contains("(fixture source) does not describe vfio_ap"),
                sourceError(unknown));
        TestHost missing = source();
        missing.vfioMissing = true;
        assertTrue(sourceError(missing).contains("vfio_ap is not loaded on the source host, so it "
                + "has no mdev " + UUID), sourceError(missing));
    }

    @Test
    void emptyGuestMatrixIsNotedOnlyWhenEmpty() {
        assertEquals(List.of(), of(run(source(), target(), DOC), FindingCode.EMPTY_GUEST_MATRIX));
        TestHost src = source();
        src.mdevs.clear();
        src.mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
        assertEquals(1, of(run(src, target(), DOC), FindingCode.EMPTY_GUEST_MATRIX).size());
    }

    @Test
    void unknownSourceControlDomainsMatterOnlyUnderTheDocRules() {
        TestHost src = source();
        src.mdevs.clear();
        src.mdev(new Mdev(UUID, Attr.of(GUEST), Attr.of(GUEST), Attr.missing(), Attr.missing()));
        assertEquals(List.of("source snapshot lacks the control domains"),
                of(run(src, target(), DOC), FindingCode.UNVERIFIABLE).stream().map(Finding::problem).toList());
        assertEquals(List.of(), of(run(src, target(), V3), FindingCode.UNVERIFIABLE));
    }

    @Test
    void sourceFeaturesDecideTheSourceGate() {
        TestHost notMigratable = source();
        notMigratable.vfioFeatures = Attr.of(List.of("guest_matrix", "hotplug"));
        TargetReport t = run(notMigratable, target(), DOC);
        assertFalse(t.compatible());
        assertEquals(List.of("source vfio_ap cannot migrate (no 'migratable' feature)"),
                problems(t, FindingCode.NOT_MIGRATABLE));

        TestHost unknown = source();
        unknown.vfioFeatures = Attr.unknown();
        TargetReport u = run(unknown, target(), DOC);
        assertEquals(Verdict.UNVERIFIABLE, u.verdict());
        assertEquals(List.of("source snapshot lacks vfio_ap's features"),
                problems(u, FindingCode.UNVERIFIABLE));
    }

    @Test
    void cardLevelFunctionsAndMappedTypesAreNotedOncePerSourceCard() {
        TestHost src = source();
        src.cards.clear();
        src.cards.add(TestHost.card(5, Attr.of(13), Attr.missing(), Attr.of(TestHost.CCA_NATIVE)));
        src.cards.add(TestHost.card(6, Attr.of(13), Attr.of(13), Attr.of(TestHost.CCA_NATIVE)));
        for (String q : List.of("06.0033", "06.0034")) {
            src.replaceQueue(src.find(q).toBuilder().functions(Attr.missing()).build());
        }
        TargetReport t = run(src, target(), DOC);
        assertEquals(List.of("source card05: mapped hwtype used"),
                problems(t, FindingCode.MAPPED_HWTYPE));
        assertEquals(List.of("source card06: card-level ap_functions used"),
                problems(t, FindingCode.CARD_LEVEL_FUNCTIONS));
    }

    @Test
    void theSourceGateDecidesWhetherLaterStagesSetTheErrno() {
        // Unknown source features count as migratable: the missing queue still ends in ENODEV.
        TestHost unknown = source();
        unknown.vfioFeatures = Attr.unknown();
        TargetReport u = run(unknown, target().removeQueue("06.0034"), DOC);
        assertEquals(Errno.ENODEV, u.errno());
        // A source without the feature stops before any kernel migration code runs.
        TestHost notMigratable = source();
        notMigratable.vfioFeatures = Attr.of(List.of("guest_matrix", "hotplug"));
        TargetReport n = run(notMigratable, target().removeQueue("06.0034"), DOC);
        assertEquals(null, n.errno());
        assertEquals(List.of(), n.kernelLog());
    }
}
