// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApqnTest {

    @ParameterizedTest
    @CsvSource({
        "05.0033, 5, 51, 0x0533",
        "00.0000, 0, 0, 0x0000",
        "ff.00ff, 255, 255, 0xffff",
        "0a.0004, 10, 4, 0x0a04",
    })
    void parsesKernelFormAndRoundTrips(String text, int adapter, int domain, String qid) {
        Apqn q = Apqn.parse(text);
        assertEquals(adapter, q.adapter());
        assertEquals(domain, q.domain());
        assertEquals(Integer.decode(qid), q.qid());
        assertEquals(text, q.toString());
        assertEquals(q, Apqn.ofQid(q.qid()));
    }

    @Test
    void upperCaseIsReadAndPrintedLowerCase() {
        assertEquals("0a.00bc", Apqn.parse("0A.00BC").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.33", "05.33", "05:0033", "05.0100", "005.0033", "05.00333", "zz.0033",
        "05.00g3", "", " 05.0033"})
    void rejectsOtherForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Apqn.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rejectsNullAndOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Apqn.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Apqn.of(256, 0));
        assertThrows(IllegalArgumentException.class, () -> Apqn.of(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Apqn.ofQid(0x10000));
    }

    @Test
    void ordersByQid() {
        assertTrue(Apqn.of(5, 0xff).compareTo(Apqn.of(6, 0)) < 0);
        assertTrue(Apqn.of(5, 2).compareTo(Apqn.of(5, 1)) > 0);
    }
}
