// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which side the check's fixes clear or unassign: less collateral first, then fewer ids. */
class ChoicesTest {

    static ApQueue q(int a, int d) {
        return TestHost.queue(Apqn.of(a, d), Attr.of(TestHost.CCA_NATIVE), Attr.of("cex4queue"),
                Attr.missing());
    }

    static ApMatrix m(int[] a, int[] d) {
        return TestHost.matrix(a, d);
    }

    @Test
    void reservationPrefersLessCollateralOverFewerIds() {
        // Clearing adapters 5,6 moves nothing else; clearing domain 0x33 also moves 07.0033.
        Choices.MaskChoice c = Choices.reservation(List.of(q(5, 0x33), q(6, 0x33), q(7, 0x33)),
                m(new int[] {5, 6}, new int[] {0x33}), ApMask.of(5, 6, 7), ApMask.of(0x33));
        assertTrue(c.adapters());
        assertEquals(ApMask.of(5, 6), c.ids());
        assertEquals(List.of(), c.collateral());
    }

    @Test
    void reservationTieGoesToTheSideWithFewerIdsAndAdaptersOnEqualCounts() {
        List<ApQueue> none = List.of();
        Choices.MaskChoice equal = Choices.reservation(none, m(new int[] {5}, new int[] {0x33}),
                ApMask.of(5), ApMask.of(0x33));
        assertTrue(equal.adapters());
        Choices.MaskChoice fewerDomains = Choices.reservation(none,
                m(new int[] {5, 6}, new int[] {0x33}), ApMask.of(5, 6), ApMask.of(0x33));
        assertFalse(fewerDomains.adapters());
        assertEquals(ApMask.of(0x33), fewerDomains.ids());
        assertEquals("aqmask", fewerDomains.attribute());
    }

    @Test
    void releasePrefersTheSideThatCostsTheOtherMdevLess() {
        // Unassigning adapters 5,6 takes only shared APQNs; unassigning domain 0x33 would take 07.0033.
        Choices.ReleaseChoice r = Choices.release("other", m(new int[] {5, 6, 7}, new int[] {0x33}),
                m(new int[] {5, 6}, new int[] {0x33, 0x34}));
        assertTrue(r.adapters());
        assertEquals(ApMask.of(5, 6), r.ids());
        assertEquals(List.of(), r.collateral());
        assertEquals(List.of(Apqn.of(5, 0x33), Apqn.of(6, 0x33)), r.released());
    }

    @Test
    void releaseTieGoesToAdaptersOnEqualCounts() {
        Choices.ReleaseChoice r = Choices.release("other", m(new int[] {5}, new int[] {0x33}),
                m(new int[] {5}, new int[] {0x33}));
        assertTrue(r.adapters());
        Choices.ReleaseChoice d = Choices.release("other", m(new int[] {5, 6}, new int[] {0x33}),
                m(new int[] {5, 6}, new int[] {0x33}));
        assertFalse(d.adapters());
        assertEquals(ApMask.of(0x33), d.ids());
    }
}
