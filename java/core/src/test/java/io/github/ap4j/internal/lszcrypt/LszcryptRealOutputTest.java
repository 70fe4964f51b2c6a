// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both directions against text the real lszcrypt printed (s390-tools 2.40, recorded by the
 * ci-s390x oracle step; see src/test/resources/lszcrypt-2.40/README.md).
 */
class LszcryptRealOutputTest {

    static final Path REAL = Path.of("src/test/resources/lszcrypt-2.40");
    static final Path EXAMPLES = Path.of("../examples");
    static final Path EDGE_SCRIPT = Path.of("../../ci-s390x/lszcrypt-edge-tree");

    @TempDir
    Path tmp;

    Path tree(String host) throws IOException, InterruptedException {
        if (!host.equals("edge-host")) {
            return EXAMPLES.resolve(host);
        }
        Path dir = tmp.resolve("edge-host");
        Process p = new ProcessBuilder("bash", EDGE_SCRIPT.toString(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"source-host", "target-ok", "target-bad", "edge-host"})
    void formatsTheBytesTheReleasedToolPrinted(String host) throws Exception {
        HostSnapshot s = SnapshotSources.open(tree(host).toString());
        String real = Files.readString(REAL.resolve(host + ".txt"));
        assertEquals(real, LszcryptFormatter.format(s, LszcryptFormatter.Release.S390_TOOLS_2_40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"source-host", "target-ok", "target-bad", "edge-host"})
    void importsWhatTheTreeSays(String host) throws Exception {
        HostSnapshot tree = SnapshotSources.open(tree(host).toString());
        HostSnapshot text = LszcryptImport.parse(Files.readString(REAL.resolve(host + ".txt")), host);
        assertEquals(tree.cards().stream().map(ApCard::id).toList(),
                text.cards().stream().map(ApCard::id).toList());
        assertEquals(tree.queues().stream().map(ApQueue::apqn).toList(),
                text.queues().stream().map(ApQueue::apqn).toList());
        for (ApCard t : tree.cards()) {
            ApCard i = text.card(t.id()).orElseThrow();
            assertEquals(t.type(), i.type(), t.name());
            assertEquals(t.hwtype(), i.hwtype(), t.name());
            // the letters show bits 0-9 only
            assertEquals(t.functions().get() & 0xFFC00000, i.functions().get(), t.name());
            if (t.config().get()) {
                assertEquals(t.online().orElse(null), i.online().orElse(null), t.name());
            } else {
                assertEquals(t.config(), i.config(), t.name());
            }
        }
        for (ApQueue t : tree.queues()) {
            ApQueue i = text.queue(t.apqn()).orElseThrow();
            String d = t.driver().orElse("-no-driver-");
            boolean known = d.matches(".*cex[0-9](card|queue).*") || d.matches(".*vfio.ap.*");
            assertEquals(known ? t.driver() : Attr.missing(), i.driver(), t.apqn().toString());
            if (t.config().get() && !t.chkstop().get() && t.online().isPresent()) {
                assertEquals(t.online(), i.online(), t.apqn().toString());
            }
            if (t.vfioStatus().isPresent()) {
                assertEquals(t.vfioStatus(), i.vfioStatus(), t.apqn().toString());
            }
        }
    }
}
