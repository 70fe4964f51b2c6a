// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.ApMode;
import io.github.ap4j.model.Apqn;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The snapshot records' own rules: UUID form, the migrated matrix, absences, lookups, modes. */
class SnapshotValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"01234567-89ab-cdef-ABCD-EF0123456789", "99999999-9999-9999-9999-999999999999",
        "ffffffff-FFFF-aaaa-AAAA-000000000000"})
    void uuidsOfEveryHexDigitAreAccepted(String s) {
        assertTrue(Mdev.isUuid(s));
    }

    @ParameterizedTest
    // Each has one character just outside a hex range ('/' ':' '`' 'g' '@' 'G'), a dash
    // moved, or a wrong length.
    @ValueSource(strings = {"/1234567-89ab-cdef-abcd-ef0123456789", ":1234567-89ab-cdef-abcd-ef0123456789",
        "`1234567-89ab-cdef-abcd-ef0123456789", "g1234567-89ab-cdef-abcd-ef0123456789",
        "@1234567-89ab-cdef-abcd-ef0123456789", "G1234567-89ab-cdef-abcd-ef0123456789",
        "0123456-789ab-cdef-abcd-ef0123456789", "01234567089ab-cdef-abcd-ef0123456789",
        "01234567-89ab-cdef-abcd-ef012345678", ""})
    void anythingElseIsNotAUuid(String s) {
        assertFalse(Mdev.isUuid(s));
    }

    @Test
    void migratedMatrixPrefersGuestMatrix() {
        ApMatrix assigned = new ApMatrix(ApMask.of(5, 6), ApMask.of(0x33));
        ApMatrix guest = new ApMatrix(ApMask.of(5), ApMask.of(0x33));
        String u = "01234567-89ab-cdef-abcd-ef0123456789";
        assertEquals(Optional.of(guest), new Mdev(u, Attr.of(assigned), Attr.of(guest), Attr.missing(),
                Attr.missing()).migratedMatrix());
        assertEquals(Optional.of(assigned), new Mdev(u, Attr.of(assigned), Attr.missing(), Attr.missing(),
                Attr.missing()).migratedMatrix());
        assertEquals(Optional.empty(), new Mdev(u, Attr.unknown(), Attr.missing(), Attr.missing(),
                Attr.missing()).migratedMatrix());
    }

    @Test
    void ofNullableKeepsTheValueOrTheGivenAbsence() {
        assertEquals(Absence.NOT_READ, Attr.ofNullable(null, Absence.NOT_READ).absence());
        assertEquals(7, Attr.ofNullable(7, Absence.MISSING).get());
    }

    static ApQueue queue(int a, int d) {
        return ApQueue.builder(Apqn.of(a, d)).build();
    }

    @Test
    void queueLookupFindsTheOnlyAndTheLastQueue() {
        Provenance p = new Provenance(SourceKind.FIXTURE, "test", Instant.EPOCH);
        HostSnapshot one = new HostSnapshot(p, BusAttributes.unknown(), List.of(), List.of(queue(5, 0x33)),
                Attr.missing());
        assertTrue(one.queue(Apqn.of(5, 0x33)).isPresent());
        HostSnapshot three = new HostSnapshot(p, BusAttributes.unknown(), List.of(),
                List.of(queue(5, 0x33), queue(5, 0x34), queue(6, 0x33)), Attr.missing());
        assertEquals(Apqn.of(6, 0x33), three.queue(Apqn.of(6, 0x33)).orElseThrow().apqn());
        assertEquals(Apqn.of(5, 0x33), three.queue(Apqn.of(5, 0x33)).orElseThrow().apqn());
        assertFalse(three.queue(Apqn.of(6, 0x34)).isPresent());
    }

    @Test
    void aStatedModeSurvivesToBuilderOnlyWithoutFunctions() {
        ApCard stated = ApCard.builder(5).mode(Attr.of(ApMode.EP11)).build();
        assertEquals(Attr.of(ApMode.EP11), stated.mode());
        assertEquals(Attr.of(ApMode.EP11), stated.toBuilder().build().mode());
        ApCard known = ApCard.builder(5).functions(Attr.of(0x92800000)).build();
        // Functions decide the mode, and a mode derived from them is not carried over as stated.
        assertEquals(Attr.of(ApMode.CCA), known.mode());
        assertFalse(known.toBuilder().functions(Attr.missing()).build().mode().isPresent());
    }
}
