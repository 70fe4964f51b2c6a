// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.BadInputException;
import io.github.ap4j.FuzzInput;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * A {@code .tar.gz} fixture, fuzzed from the tar stream up to the snapshot: {@link Tar}'s ustar,
 * GNU long-name and pax reading, {@link TarSysfsTree}'s links and directories, and the
 * {@link SysfsSnapshotReader} with every attribute parser behind it. The input is the
 * uncompressed tar (so the fuzzer mutates headers and members, not gzip's checksums); the test
 * compresses it. Seeds: {@code java/examples} hosts as ustar, GNU and pax archives.
 *
 * <p>Properties: a rejection is one {@link BadInputException} line naming the archive (member
 * names in it escaped); an accepted archive gives a snapshot whose card ids are in the kernel's
 * range 0..255 and whose every queue has its card.
 */
@DisabledOnOs(architectures = "s390x", disabledReason = FuzzInput.NOT_ON_S390X)
class TarFuzzTest {

    static final String ORIGIN = "fuzz.tar.gz";

    @FuzzTest(maxDuration = "6s")
    void readFixtureArchive(byte[] tar) {
        HostSnapshot s;
        try {
            TarSysfsTree tree = TarSysfsTree.load(new ByteArrayInputStream(gzip(tar)), ORIGIN);
            s = new SysfsSnapshotReader(tree, SourceKind.FIXTURE).read();
        } catch (BadInputException e) {
            FuzzInput.assertOneLineNaming(ORIGIN, e);
            return;
        }
        for (ApCard c : s.cards()) {
            assertTrue(c.id() >= 0 && c.id() <= Apqn.MAX_ID, () -> "card id " + c.id());
        }
        for (ApQueue q : s.queues()) {
            assertTrue(s.card(q.apqn().adapter()).isPresent(), () -> "queue " + q.apqn() + " without its card");
        }
    }

    private static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
