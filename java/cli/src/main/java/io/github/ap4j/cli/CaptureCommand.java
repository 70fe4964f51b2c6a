// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.NativeSnapshotReader;
import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.internal.sysfs.FixtureCapture;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import io.github.ap4j.internal.sysfs.SysfsTree;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SourceKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ap4j capture}: record the AP part of a sysfs tree as a fixture, and/or the PQAP words
 * its queues would answer as a replay table for the native backend. Reads only.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Record the AP part of a sysfs tree (read-only) as a fixture directory, or "
                + "a .tar.gz/.tgz when --out ends so (or '-' for stdout), for 'ap4j show --fixture' "
                + "or 'ap4j check --source/--target' elsewhere; "
                + "with --replay, also the TAPQ/QCI words of its queues as a replay table.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:captured", "2:bad input (output exists, malformed tree, usage)",
            "3:no AP bus here, or the output cannot be written", ExitCode.HELP_BUG})
final class CaptureCommand implements Callable<Integer> {

    static final class Input {
        @Option(names = "--sysfs", paramLabel = "DIR",
                description = "The sysfs root to record (default: $SYSFS_ROOT or /sys).")
        String sysfs;

        @Option(names = "--fixture", paramLabel = "PATH",
                description = "A fixture (directory or .tar.gz) to record again.")
        String fixture;
    }

    @ArgGroup(exclusive = true)
    Input input;

    @Option(names = "--out", paramLabel = "PATH",
            description = "New directory, or a file ending .tar.gz/.tgz; never overwritten; "
                    + "'-' writes the .tar.gz to stdout.")
    Path out;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "New replay table file (see 'ap4j native --replay'); never overwritten.")
    Path replay;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (out == null && replay == null) {
            throw new ParameterException(spec.commandLine(), "give --out, --replay or both");
        }
        String treeSpec = input != null && input.fixture != null
                ? SnapshotSources.FIXTURE + input.fixture
                : SnapshotSources.SYSFS + (input == null || input.sysfs == null ? "" : input.sysfs);
        SysfsTree tree = SnapshotSources.tree(treeSpec, System.getenv());
        if (replay != null && Files.exists(replay)) {
            throw new BadInputException(replay.toString(), "already exists; not overwritten");
        }
        boolean toStdout = out != null && out.toString().equals("-");
        PrintWriter w = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (toStdout) {
            // The archive is the data on stdout; what was done goes to stderr.
            FixtureCapture.Result r = FixtureCapture.captureArchive(tree,
                    Ap4j.stdio(spec).binaryOut(), Clock.systemUTC());
            Ap4j.stdio(spec).binaryOut().flush();
            spec.commandLine().getErr().printf("captured %d files and %d links from %s to stdout%n",
                    r.files(), r.links(), tree.origin());
            spec.commandLine().getErr().flush();
        } else if (out != null) {
            FixtureCapture.Result r = FixtureCapture.capture(tree, out, Clock.systemUTC());
            w.printf("captured %d files and %d links from %s to %s%n", r.files(), r.links(),
                    tree.origin(), r.out());
        }
        if (replay != null) {
            HostSnapshot host = new SysfsSnapshotReader(tree, input != null && input.fixture != null
                    ? SourceKind.FIXTURE : SourceKind.SYSFS).read();
            var table = NativeSnapshotReader.replayTableOf(host);
            table.write(replay);
            w.printf("recorded %d TAPQ answers and %s to %s%n", table.records().size(),
                    table.qci().isPresent() ? "a QCI block" : "no QCI block", replay);
        }
        w.flush();
        return ExitCode.OK;
    }
}
