// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.HostSnapshots;
import java.nio.file.Path;
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
            return HostSnapshots.live();
        }
        if (o.sysfs != null) {
            return HostSnapshots.sysfs(Path.of(o.sysfs));
        }
        if (o.fixture != null) {
            return HostSnapshots.fixture(Path.of(o.fixture));
        }
        if (o.lszcrypt != null) {
            return HostSnapshots.lszcrypt(Path.of(o.lszcrypt));
        }
        // PQAP(QCI/TAPQ) on this machine: UnavailableException (exit 3) where PQAP is not usable.
        return HostSnapshots.nativeHost();
    }
}
