// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.BadInputException;
import io.github.ap4j.FuzzInput;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.HostSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * Pasted {@code lszcrypt} text, fuzzed through {@link LszcryptImport}. Seeds: the recorded
 * s390-tools 2.40 captures ({@code src/test/resources/lszcrypt-2.40}) and the per-era layouts of
 * {@link LszcryptImportTest}.
 *
 * <p>Properties: a rejection is one {@link BadInputException} line naming the origin; an
 * accepted listing has each row on the line it names (the line starts with the row's id), a
 * card in the snapshot for every adapter of a row and a queue for every queue row, and
 * {@link LszcryptFormatter} prints their rows in order.
 */
@DisabledOnOs(architectures = "s390x", disabledReason = FuzzInput.NOT_ON_S390X)
class LszcryptImportFuzzTest {

    static final String ORIGIN = "fuzz-lszcrypt.txt";

    @FuzzTest(maxDuration = "6s")
    void importListing(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        LszcryptListing listing;
        HostSnapshot s;
        try {
            listing = LszcryptImport.parseListing(text, ORIGIN);
            s = LszcryptImport.parse(text, ORIGIN);
        } catch (BadInputException e) {
            FuzzInput.assertOneLineNaming(ORIGIN, e);
            return;
        }
        String[] lines = text.split("\r?\n", -1);
        Set<Integer> adapters = new TreeSet<>();
        Set<Apqn> queues = new TreeSet<>();
        for (LszcryptRow r : listing.rows()) {
            String line = lines[r.line() - 1];
            assertTrue(line.toLowerCase(Locale.ROOT).startsWith(r.id().toLowerCase(Locale.ROOT)),
                    () -> "row " + r.id() + " is not on its line " + r.line());
            assertTrue(r.adapter() >= 0 && r.adapter() <= Apqn.MAX_ID);
            adapters.add(r.adapter());
            r.queue().ifPresent(queues::add);
        }
        assertEquals(adapters, cardIds(s));
        assertEquals(queues, queueIds(s));

        // ap4j prints what it does not know as "-" where lszcrypt always prints a number
        // (QDEPTH, HWTYPE), so the printed text need not import again. Its rows are the
        // snapshot's cards and queues, in order, up to the first card without queues (where
        // lszcrypt exits, see LszcryptFormatter).
        List<String> expected = new ArrayList<>();
        for (ApCard c : s.cards()) {
            expected.add(String.format("%02x", c.id()));
            List<ApQueue> own = s.queues().stream().filter(q -> q.apqn().adapter() == c.id()).toList();
            own.forEach(q -> expected.add(q.apqn().toString()));
            if (own.isEmpty()) {
                break;
            }
        }
        List<String> printed = new ArrayList<>();
        String[] out = LszcryptFormatter.format(s).split("\n");
        for (int i = 2; i < out.length; i++) {
            String id = out[i].split(" ", 2)[0];
            if (id.matches("[0-9a-f]{2}(\\.[0-9a-f]{4})?")) {
                printed.add(id);
            }
        }
        assertEquals(expected, printed);
    }

    private static Set<Integer> cardIds(HostSnapshot s) {
        Set<Integer> ids = new TreeSet<>();
        s.cards().forEach(c -> ids.add(c.id()));
        return ids;
    }

    private static Set<Apqn> queueIds(HostSnapshot s) {
        Set<Apqn> ids = new TreeSet<>();
        s.queues().forEach(q -> ids.add(q.apqn()));
        return ids;
    }
}
