// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** vfio_ap_mdev_matrix_show's three forms (docs/sysfs-formats.md). */
class ApMatrixTest {

    @Test
    void apqnLinesAreApidMajor() {
        ApMatrix m = new ApMatrix(ApMask.of(6, 5), ApMask.of(0x34, 0x33));
        assertEquals("05.0033\n05.0034\n06.0033\n06.0034\n", m.toString());
        assertEquals(m, ApMatrix.parse(m.toString()));
        assertEquals(4, m.size());
        assertEquals(List.of(Apqn.of(5, 0x33), Apqn.of(5, 0x34), Apqn.of(6, 0x33), Apqn.of(6, 0x34)),
                m.apqns());
        assertTrue(m.contains(Apqn.of(6, 0x34)));
        assertFalse(m.contains(Apqn.of(7, 0x34)));
        assertEquals(m, ApMatrix.covering(m.apqns()));
    }

    @Test
    void adaptersOnlyDomainsOnlyAndEmpty() {
        ApMatrix a = new ApMatrix(ApMask.of(5, 0x1f), ApMask.EMPTY);
        assertEquals("05.\n1f.\n", a.toString());
        assertEquals(a, ApMatrix.parse("05.\n1f.\n"));
        assertEquals(0, a.size());
        ApMatrix d = new ApMatrix(ApMask.EMPTY, ApMask.of(0x33));
        assertEquals(".0033\n", d.toString());
        assertEquals(d, ApMatrix.parse(".0033\n"));
        assertEquals("", ApMatrix.EMPTY.toString());
        assertEquals(ApMatrix.EMPTY, ApMatrix.parse(""));
        assertTrue(ApMatrix.EMPTY.isEmpty());
    }

    @Test
    void missingFinalNewlineIsAccepted() {
        assertEquals(new ApMatrix(ApMask.of(5), ApMask.of(1)), ApMatrix.parse("05.0001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "05.0033\n06.0034\n",            // not a full product
        "06.0033\n05.0033\n",            // out of order
        "05.0033\n05.0033\n",            // duplicate
        "05.0033\n06.\n",                // mixed forms
        "5.33\n",                        // not kernel form
        "05.0100\n",                     // domain above 0xff
        ".0100\n",
        "05.\n05.\n",
        "05.\n02.\n",                    // adapters descending (a fuzzing finding)
        ".0034\n.0033\n",                // domains descending
        ".0x33\n",                       // a 0x prefix inside the %04lx field (a fuzzing finding)
        "0x.\n",                         // the same in the %02lx field
        "garbage\n",
    })
    void rejectsWhatTheKernelNeverPrints(String text) {
        assertThrows(IllegalArgumentException.class, () -> ApMatrix.parse(text));
    }

    @Test
    void domain255IsAValidDomainOnlyLine() {
        assertEquals(ApMask.of(255), ApMatrix.parse(".00ff\n").domains());
    }

    @Test
    void errorsNameTheLine() {
        IllegalArgumentException repeat = assertThrows(IllegalArgumentException.class,
                () -> ApMatrix.parse("05.\n05.\n"));
        assertTrue(repeat.getMessage().startsWith("matrix line 2 repeats"), repeat.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ApMatrix.parse("05.0033\nzz\n"));
        assertTrue(bad.getMessage().startsWith("matrix line 2 is not AA.DDDD"), bad.getMessage());
    }

    @Test
    void apqnsIncludeAdapterAndDomainZero() {
        ApMatrix m = new ApMatrix(ApMask.of(0, 1), ApMask.of(0));
        assertFalse(m.isEmpty());
        assertEquals(List.of(Apqn.of(0, 0), Apqn.of(1, 0)), m.apqns());
    }
}
