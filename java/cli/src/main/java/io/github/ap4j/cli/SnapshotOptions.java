package io.github.ap4j.cli;

import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SnapshotSources;
import picocli.CommandLine.Option;

/**
 * Where a command reads a host from: one of {@code --sysfs}, {@code --fixture},
 * {@code --lszcrypt}, {@code --native}; none means the live sysfs ({@code $SYSFS_ROOT} or
 * {@code /sys}). Used as an exclusive {@code @ArgGroup}.
 */
final class SnapshotOptions {

    @Option(names = "--sysfs", paramLabel = "DIR",
            description = "A sysfs root (default: $SYSFS_ROOT or /sys).")
    String sysfs;

    @Option(names = "--fixture", paramLabel = "PATH",
            description = "A recorded fixture: a directory or a .tar.gz/.tgz from 'ap4j capture'.")
    String fixture;

    @Option(names = "--lszcrypt", paramLabel = "FILE",
            description = "Text of 'lszcrypt -V' (a partial snapshot).")
    String lszcrypt;

    @Option(names = "--native", description = "PQAP(QCI/TAPQ) through the native shim.")
    boolean nativeSource;

    /** The snapshot the options name ({@code null} options: the live sysfs). */
    static HostSnapshot open(SnapshotOptions o) {
        if (o == null) {
            return SnapshotSources.open(SnapshotSources.SYSFS);
        }
        if (o.sysfs != null) {
            return SnapshotSources.open(SnapshotSources.SYSFS + o.sysfs);
        }
        if (o.fixture != null) {
            return SnapshotSources.open(SnapshotSources.FIXTURE + o.fixture);
        }
        if (o.lszcrypt != null) {
            return SnapshotSources.open(SnapshotSources.LSZCRYPT + o.lszcrypt);
        }
        // PQAP(QCI/TAPQ) on this machine: UnavailableException (exit 3) where PQAP is not usable.
        return SnapshotSources.open(SnapshotSources.NATIVE);
    }
}
