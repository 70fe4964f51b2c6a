// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example hosts are exactly what {@link ExampleHosts} generates, and read as
 * fixtures. Regenerate with {@code -Dap4j.examples.write=true}.
 */
class ExampleHostsTest {

    static final Path EXAMPLES = Path.of("../examples");

    @TempDir
    Path tmp;

    @Test
    void committedExamplesMatchTheGenerator() throws IOException {
        if (Boolean.getBoolean("ap4j.examples.write")) {
            for (String n : ExampleHosts.NAMES) {
                deleteTree(EXAMPLES.resolve(n));
            }
            ExampleHosts.writeAll(EXAMPLES);
        }
        ExampleHosts.writeAll(tmp);
        for (String n : ExampleHosts.NAMES) {
            assertEquals(contents(tmp.resolve(n)), contents(EXAMPLES.resolve(n)), n);
        }
    }

    @Test
    void examplesReadAsFixtures() {
        for (String n : ExampleHosts.NAMES) {
            HostSnapshot s = SnapshotSources.open(EXAMPLES.resolve(n).toString(), Map.of());
            assertEquals(SourceKind.FIXTURE, s.provenance().kind(), n);
            assertEquals(ExampleHosts.UUID, s.matrix().get().mdevs().get(0).uuid(), n);
        }
    }

    /** Path -> file text or "-> link target", for every member of a tree. */
    static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(rel, Files.readString(p));
                }
            }
        }
        return m;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(x);
            }
        }
    }
}
