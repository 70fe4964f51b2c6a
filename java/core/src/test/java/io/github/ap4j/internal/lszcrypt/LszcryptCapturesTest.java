// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMode;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.HostSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12 case 14: published captures of plain {@code lszcrypt} (src/test/resources/
 * lszcrypt-captures/README.md names each source) import with the mode they state; the
 * functions they do not show stay unknown.
 */
class LszcryptCapturesTest {

    static final Path CAPTURES = Path.of("src/test/resources/lszcrypt-captures");

    @ParameterizedTest
    @CsvSource({
        "cex6p-ep11-request-cnt.txt, 8, CEX6P, EP11",
        "cex7c-cca-requests.txt, 6, CEX7C, CCA",
    })
    void theModeTheListingStatesIsKept(String file, int card, String type, ApMode mode)
            throws Exception {
        HostSnapshot s = LszcryptImport.parse(Files.readString(CAPTURES.resolve(file)), file);
        assertEquals(1, s.cards().size());
        ApCard c = s.cards().get(0);
        assertEquals(card, c.id());
        assertEquals(type, c.type().get());
        assertEquals(mode, c.mode().get());
        // Not in the text: unknown, not "no".
        assertEquals(Absence.UNKNOWN, c.functions().absence());
        assertEquals(Absence.UNKNOWN, c.hwtype().absence());
        assertEquals(Absence.UNKNOWN, c.driver().absence());
        assertEquals(1, s.queues().size());
        assertTrue(c.online().get());
    }

    @Test
    void functionsDecideTheModeWhenTheyAreShown() {
        String text = "CARD.DOM TYPE  MODE        STATUS     REQUESTS  PENDING HWTYPE QDEPTH FUNCTIONS  DRIVER\n"
                + "--------------------------------------------------------------------------------------------\n"
                + "01       CEX7C CCA-Coproc  online            0        0     13     09 ---D--N--R cex4card\n";
        ApCard c = LszcryptImport.parse(text, "v").cards().get(0);
        assertEquals(ApMode.CCA, c.mode().get());
        assertTrue(c.functions().isPresent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        // TYPE letter against MODE on one row
        "06          CEX7C Accelerator online         1 # v line 3: MODE 'Accelerator' disagrees with the mode letter of TYPE 'CEX7C' (both name the card's mode): '06          CEX7C Accelerator online         1'",
    })
    void aTypeLetterThatContradictsModeIsBadInput(String row, String message) {
        String text = "CARD.DOMAIN TYPE  MODE        STATUS  REQUESTS\n"
                + "----------------------------------------------\n" + row + "\n";
        assertEquals(message, assertThrows(BadInputException.class,
                () -> LszcryptImport.parse(text, "v")).getMessage());
    }

    @Test
    void cardAndQueueRowsMustStateOneMode() {
        String text = "CARD.DOMAIN TYPE  MODE        STATUS  REQUESTS\n"
                + "----------------------------------------------\n"
                + "06          CEX7C CCA-Coproc  online         1\n"
                + "06.0032     CEX7P EP11-Coproc online         1\n";
        String m = assertThrows(BadInputException.class, () -> LszcryptImport.parse(text, "v"))
                .getMessage();
        assertTrue(m.startsWith("v line 4: card 06 TYPE 'CEX7P' disagrees with 'CEX7C'"), m);
    }

    @Test
    void unknownModeAndOtherTypesStateNothing() {
        String text = "CARD.DOMAIN TYPE  MODE        STATUS  REQUESTS\n"
                + "----------------------------------------------\n"
                + "06          -     Unknown     -              0\n";
        ApCard c = LszcryptImport.parse(text, "v").cards().get(0);
        assertFalse(c.mode().isPresent());
        assertEquals(null, LszcryptImport.modeOfType("PCICA"));
        assertEquals(ApMode.ACCEL, LszcryptImport.modeOfType("CEX5A"));
    }
}
