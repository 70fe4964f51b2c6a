// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ap4j.model.Apqn;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FindingTest {
    private static final Apqn Q = Apqn.of(5, 0x33);

    @Test
    void lazyTextsAreBuiltOnFirstReadAndOnlyOnce() {
        AtomicInteger built = new AtomicInteger();
        Finding f = Finding.lazy(FindingCode.QUEUE_MISSING, Severity.ERROR, Q, () -> {
            built.incrementAndGet();
            return new Finding.Texts("p", "m", "x");
        });
        assertEquals(FindingCode.QUEUE_MISSING, f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(Q, f.apqn());
        assertEquals(0, built.get(), "code, severity and queue need no text");
        assertEquals("p", f.problem());
        assertEquals("m", f.message());
        assertEquals("x", f.fix());
        assertEquals("m Fix: x", f.text());
        assertEquals(1, built.get());
    }

    @Test
    void lazyAndGivenTextsAreTheSameFinding() {
        Finding given = new Finding(FindingCode.QUEUE_MISSING, Severity.ERROR, Q, "p", "m", "x");
        Finding lazy = Finding.lazy(FindingCode.QUEUE_MISSING, Severity.ERROR, Q,
                () -> new Finding.Texts("p", "m", "x"));
        assertEquals(given, lazy);
        assertEquals(given.hashCode(), lazy.hashCode());
        assertEquals(given.toString(), lazy.toString());
        assertEquals("Finding[code=QUEUE_MISSING, severity=ERROR, apqn=05.0033, problem=p, "
                + "message=m, fix=x]", given.toString());
        assertNotEquals(given, new Finding(FindingCode.QUEUE_MISSING, Severity.ERROR, Q, "p", "m",
                "y"));
        assertNotEquals(given, new Finding(FindingCode.QUEUE_MISSING, Severity.WARNING, Q, "p",
                "m", "x"));
        assertNotEquals(given, new Finding(FindingCode.QUEUE_MISSING, Severity.ERROR, null, "p",
                "m", "x"));
    }

    @Test
    void onlyTheQueueMayBeNull() {
        assertNull(new Finding(FindingCode.UNVERIFIABLE, Severity.ERROR, null, "p", "m", "x").apqn());
        assertThrows(NullPointerException.class,
                () -> new Finding(null, Severity.ERROR, Q, "p", "m", "x"));
        assertThrows(NullPointerException.class,
                () -> new Finding(FindingCode.UNVERIFIABLE, Severity.ERROR, Q, "p", null, "x"));
        Finding broken = Finding.lazy(FindingCode.UNVERIFIABLE, Severity.ERROR, Q,
                () -> new Finding.Texts("p", "m", null));
        assertThrows(NullPointerException.class, broken::fix);
    }
}
