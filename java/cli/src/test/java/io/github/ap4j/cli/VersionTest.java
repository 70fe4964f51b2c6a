// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ap4j --version}: the build's version and commit, read back from what git says. */
class VersionTest {

    @Test
    void versionIsTheProjectVersionAndTheCommitGitReports() throws Exception {
        String version = System.getProperty("ap4j.expected.version");
        String commit = gitHead();
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exitCode());
        assertEquals("ap4j " + version + (commit.isEmpty() ? "" : " (commit " + commit + ")")
                + "\n", r.out());
    }

    @Test
    void aBuildWithoutGitPrintsTheVersionAlone() {
        assertEquals("ap4j 1.2.3", Ap4j.Version.line(stream("version=1.2.3\ncommit=\n")));
        assertEquals("ap4j 1.2.3 (commit abc)", Ap4j.Version.line(stream("version=1.2.3\ncommit=abc\n")));
        assertEquals("ap4j (development build)", Ap4j.Version.line(null));
        assertEquals("ap4j (development build)", Ap4j.Version.line(stream("")));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** What the build's antrun step asked: {@code git rev-parse HEAD}, or empty without git. */
    private static String gitHead() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(false).start();
        } catch (java.io.IOException e) {
            return "";
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "";
        }
        return p.exitValue() == 0 ? out : "";
    }
}
