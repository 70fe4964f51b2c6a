// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.natives.DirectoryReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The workload the launcher ({@code java/cli/src/main/sh/ap4j}) runs once at package time to
 * build its class-data or ahead-of-time cache: every command the way users run it, on the
 * example hosts, in one JVM, so that the cache holds the classes (and, on JDK 24+, the linked
 * classes and profiles) of every command and not only of the first one. A JVM records one
 * process per cache (JDK 17 {@code -XX:ArchiveClassesAtExit}, JDK 24+ {@code -XX:AOTMode=record};
 * JEP 483), hence one process that runs them all. The output is thrown away; the exit codes
 * are checked, since a cache trained on failing runs would hold the error paths instead.
 *
 * <p>{@code java -cp ap4j.jar io.github.ap4j.cli.CacheTraining EXAMPLES_DIR}, where the
 * directory holds {@code source-host}, {@code target-ok} and {@code target-bad}
 * ({@code java/examples}).
 */
public final class CacheTraining {

    /** The example guest's mdev ({@code java/examples/README.md}). */
    static final String MDEV = "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b";

    private CacheTraining() {
    }

    /** One command line and the exit code it must end with. */
    record Run(int exitCode, List<String> args) {
    }

    static List<Run> runs(Path examples) {
        String src = examples.resolve("source-host").toString();
        String ok = examples.resolve("target-ok").toString();
        String bad = examples.resolve("target-bad").toString();
        return List.of(
                new Run(ExitCode.OK, List.of("--version")),
                new Run(ExitCode.OK, List.of("--help")),
                new Run(ExitCode.OK, List.of("decode", "--gr2", "0x928000000E550007")),
                new Run(ExitCode.OK, List.of("decode", "--functions", "0x86800000", "--raw-hwtype", "14")),
                new Run(ExitCode.OK, List.of("decode", "--status", "0x81000000")),
                new Run(ExitCode.OK, List.of("decode", "--gr2", "0x6A8000000E550007", "--format", "json")),
                new Run(ExitCode.OK, List.of("show", "--fixture", src)),
                new Run(ExitCode.OK, List.of("show", "--fixture", src, "--format", "lszcrypt")),
                new Run(ExitCode.OK, List.of("show", "--fixture", src, "--format", "json")),
                new Run(ExitCode.OK, List.of("check", "--source", src, "--target", ok, "--mdev", MDEV)),
                new Run(ExitCode.INCOMPATIBLE, List.of("check", "--source", src, "--target", ok,
                        "--target", bad, "--mdev", MDEV)),
                new Run(ExitCode.INCOMPATIBLE, List.of("check", "--source", src, "--target", bad,
                        "--mdev", MDEV, "--format", "json")),
                new Run(ExitCode.OK, List.of("plan", "--source", src, "--target", ok, "--mdev", MDEV)),
                new Run(ExitCode.BAD_INPUT, List.of("decode", "--gr2", "0xZZ")));
    }

    public static void main(String[] args) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0], "source-host"))) {
            System.err.println("usage: CacheTraining EXAMPLES_DIR (with source-host, target-ok, target-bad)");
            System.exit(ExitCode.BAD_INPUT);
        }
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int failed = 0;
        for (Run r : runs(Path.of(args[0]))) {
            int code = Ap4j.run(r.args().toArray(String[]::new), sink, sink);
            if (code != r.exitCode()) {
                System.err.println("CacheTraining: ap4j " + String.join(" ", r.args()) + " exited "
                        + code + ", expected " + r.exitCode());
                failed++;
            }
        }
        // A show of a host of 256 devices or more reads each device directory with one call of
        // libap4j (SysfsSnapshotReader.TOGETHER_MIN); the examples are smaller, so the loading
        // and one call are trained here: JNA's classes are most of what that costs cold.
        DirectoryReader.get().ifPresent(r -> r.read(
                Path.of(args[0], "source-host", "devices", "ap", "card05").toString(),
                DirectoryReader.Names.of(List.of("type", "online", "driver")), 4096));
        System.exit(failed == 0 ? ExitCode.OK : ExitCode.BUG);
    }
}
