package io.github.ap4j.cli;

import io.github.ap4j.snapshot.FixtureCapture;
import io.github.ap4j.snapshot.SnapshotSources;
import io.github.ap4j.snapshot.SysfsTree;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ap4j capture}: record the AP part of a sysfs tree as a fixture. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Record the AP part of a sysfs tree (read-only) as a fixture directory, or "
                + "a .tar.gz/.tgz when --out ends so, for 'ap4j show/check --fixture' elsewhere.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:captured", "2:bad input (output exists, malformed tree, usage)",
            "3:no AP bus here, or the output cannot be written"})
final class CaptureCommand implements Callable<Integer> {

    @Option(names = "--sysfs", paramLabel = "DIR",
            description = "The sysfs root to record (default: $SYSFS_ROOT or /sys).")
    String sysfs;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "New directory, or a file ending .tar.gz/.tgz; never overwritten.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SysfsTree tree = SnapshotSources.tree(SnapshotSources.SYSFS + (sysfs == null ? "" : sysfs),
                System.getenv());
        FixtureCapture.Result r = FixtureCapture.capture(tree, out, Clock.systemUTC());
        PrintWriter w = spec.commandLine().getOut();
        w.printf("captured %d files and %d links from %s to %s%n", r.files(), r.links(),
                tree.origin(), r.out());
        w.flush();
        return ExitCode.OK;
    }
}
