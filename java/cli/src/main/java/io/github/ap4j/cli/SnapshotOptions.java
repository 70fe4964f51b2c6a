// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.HostSnapshots;
import java.nio.file.Path;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where a command reads a host from: one of {@code --sysfs}, {@code --fixture},
 * {@code --lszcrypt}, {@code --native}; none means the live sysfs ({@code $SYSFS_ROOT} or
 * {@code /sys}). An exclusive group of {@link ShowCommand}'s model, built in code as that
 * model is.
 */
final class SnapshotOptions {

    private final OptionSpec sysfs = CodeModel.textOption("--sysfs", "DIR",
            "A sysfs root (default: $SYSFS_ROOT or /sys).");
    private final OptionSpec fixture = CodeModel.textOption("--fixture", "PATH",
            "A recorded fixture: a directory or a .tar.gz/.tgz from 'ap4j capture'.");
    private final OptionSpec lszcrypt = CodeModel.textOption("--lszcrypt", "FILE",
            "Text of 'lszcrypt -V' (a partial snapshot).");
    private final OptionSpec nativeSource = OptionSpec.builder("--native").type(boolean.class)
            .description("PQAP(QCI/TAPQ) through the native shim.").build();

    /** The four options as one group: at most one of them. */
    ArgGroupSpec group() {
        return ArgGroupSpec.builder().exclusive(true).multiplicity("0..1")
                .addArg(sysfs).addArg(fixture).addArg(lszcrypt).addArg(nativeSource).build();
    }

    /** The snapshot the options name (none given: the live sysfs). */
    HostSnapshot open() {
        String sysfs = this.sysfs.getValue();
        String fixture = this.fixture.getValue();
        String lszcrypt = this.lszcrypt.getValue();
        if (sysfs != null) {
            return HostSnapshots.sysfs(Path.of(sysfs));
        }
        if (fixture != null) {
            return HostSnapshots.fixture(Path.of(fixture));
        }
        if (lszcrypt != null) {
            return HostSnapshots.lszcrypt(Path.of(lszcrypt));
        }
        if (Boolean.TRUE.equals(nativeSource.getValue())) {
            // PQAP(QCI/TAPQ) on this machine: UnavailableException (exit 3) where PQAP is not
            // usable.
            return HostSnapshots.nativeHost();
        }
        return HostSnapshots.live();
    }
}
