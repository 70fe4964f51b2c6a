// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.internal.sysfs.DirectorySysfsTree;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import java.nio.file.Path;

/**
 * The ways to obtain a {@link HostSnapshot}: one typed method per source, and
 * {@link #open(String)} for the spec syntax of the {@code ap4j} command line.
 *
 * <p>Every method reads the source once, during the call, and returns an immutable snapshot;
 * they are safe to call from many threads at once. Failures are unchecked:
 * {@link BadInputException} when the named file or its content cannot be used (the message
 * names the file and quotes the bad value), {@link UnavailableException} when the source does
 * not exist on this machine (no AP bus, no usable native layer), and
 * {@link ConfigurationChangedException} when the AP configuration kept changing during a
 * sysfs read.
 *
 * <pre>{@code
 * HostSnapshot here = HostSnapshots.live();
 * HostSnapshot there = HostSnapshots.fixture(Path.of("target-host.tar.gz"));
 * }</pre>
 */
public final class HostSnapshots {

    private HostSnapshots() {
    }

    /**
     * Reads this machine's sysfs: {@code $SYSFS_ROOT} when set and non-empty, else
     * {@code /sys}, as s390-tools' {@code util_path} does.
     *
     * @return every attribute of the live host ({@link ReadScope#FULL})
     * @throws UnavailableException when the root has no {@code bus/ap} (not IBM Z, or the
     *         {@code ap} module is not loaded)
     */
    public static HostSnapshot live() {
        return live(ReadScope.FULL);
    }

    /**
     * Reads this machine's sysfs in {@code scope}.
     *
     * @param scope what to read of each card and queue
     * @return the live host
     * @throws UnavailableException when the root has no {@code bus/ap}
     */
    public static HostSnapshot live(ReadScope scope) {
        return new SysfsSnapshotReader(SnapshotSources.liveTree(System.getenv()), SourceKind.SYSFS,
                scope).read();
    }

    /**
     * Reads a sysfs tree rooted at {@code root} (a directory with {@code bus/ap} below it).
     *
     * @param root the sysfs root, for example {@code /sys}
     * @return every attribute of the host ({@link ReadScope#FULL})
     * @throws BadInputException when {@code root} is not a directory or has no AP bus
     */
    public static HostSnapshot sysfs(Path root) {
        return sysfs(root, ReadScope.FULL);
    }

    /**
     * Reads a sysfs tree rooted at {@code root} in {@code scope}.
     *
     * @param root  the sysfs root
     * @param scope what to read of each card and queue
     * @return the host
     * @throws BadInputException when {@code root} is not a directory or has no AP bus
     */
    public static HostSnapshot sysfs(Path root, ReadScope scope) {
        // /sys is the live tree: $SYSFS_ROOT applies, and a host without an AP bus is
        // unavailable (exit 3) whether it is named /sys, sysfs:/sys or not at all.
        if (SnapshotSources.isLiveRoot(root)) {
            return live(scope);
        }
        return new SysfsSnapshotReader(DirectorySysfsTree.open(root), SourceKind.SYSFS, scope).read();
    }

    /**
     * Reads a recorded fixture ({@code ap4j capture}): a directory, or a {@code .tar.gz} or
     * {@code .tgz} archive of one.
     *
     * @param path the fixture directory or archive
     * @return every attribute of the recorded host ({@link ReadScope#FULL})
     * @throws BadInputException when {@code path} is missing, neither a directory nor an
     *         archive name, or holds a malformed tree
     */
    public static HostSnapshot fixture(Path path) {
        return fixture(path, ReadScope.FULL);
    }

    /**
     * Reads a recorded fixture in {@code scope}.
     *
     * @param path  the fixture directory or archive
     * @param scope what to read of each card and queue
     * @return the recorded host
     * @throws BadInputException when {@code path} cannot be read as a fixture
     */
    public static HostSnapshot fixture(Path path, ReadScope scope) {
        return new SysfsSnapshotReader(SnapshotSources.tree(path), SourceKind.FIXTURE, scope).read();
    }

    /**
     * Parses the text of {@code lszcrypt -V} (s390-tools): a partial snapshot with the cards'
     * and queues' type, mode, status and counters, but no masks and no vfio_ap matrix.
     *
     * @param file a file holding the command's output
     * @return the host as the text describes it
     * @throws BadInputException when the file is missing or a line cannot be parsed
     */
    public static HostSnapshot lszcrypt(Path file) {
        return SnapshotSources.lszcrypt(file);
    }

    /**
     * Reads a recorded PQAP table ({@code ap4j capture --replay}) through the native shim's
     * replay backend, the same code path as {@link #nativeHost()} without the hardware.
     *
     * @param table the recorded table
     * @return the host the table describes
     * @throws BadInputException     when the table is missing or malformed (the message names
     *                               the line)
     * @throws UnavailableException  when the native library cannot be loaded here
     */
    public static HostSnapshot replay(Path table) {
        return SnapshotSources.replay(table);
    }

    /**
     * Reads this machine with PQAP(QCI) and PQAP(TAPQ) through the native shim.
     *
     * @return the host as the instructions report it
     * @throws UnavailableException where PQAP is not usable (anywhere but a privileged context
     *         on IBM Z) or the native library cannot be loaded
     */
    public static HostSnapshot nativeHost() {
        return SnapshotSources.nativeHost();
    }

    /**
     * Opens a source in the command line's spec syntax, reading everything: a directory (a
     * fixture when it holds the capture marker, else a sysfs root), a {@code .tar.gz} or
     * {@code .tgz} fixture archive, any other file as lszcrypt text, or one of the prefixed
     * forms {@code sysfs:DIR}, {@code sysfs:} (the live root), {@code fixture:PATH},
     * {@code lszcrypt:FILE}, {@code native} and {@code replay:FILE}.
     *
     * @param spec the source
     * @return the host the source describes
     * @throws BadInputException    when the spec names nothing usable
     * @throws UnavailableException when it names a source this machine does not have
     */
    public static HostSnapshot open(String spec) {
        return open(spec, ReadScope.FULL);
    }

    /**
     * Opens a source in the spec syntax of {@link #open(String)}, reading what {@code scope}
     * covers.
     *
     * @param spec  the source
     * @param scope what to read of each card and queue of a sysfs tree or fixture
     * @return the host the source describes
     * @throws BadInputException    when the spec names nothing usable
     * @throws UnavailableException when it names a source this machine does not have
     */
    public static HostSnapshot open(String spec, ReadScope scope) {
        return SnapshotSources.open(spec, System.getenv(), scope);
    }

    /**
     * Opens a source as {@link #open(String, ReadScope)} does, but reads of a sysfs tree or
     * fixture only the cards and queues of the guest of mdev {@code uuid}
     * (the sysfs reader's {@code onlyGuestOf}), besides the bus attributes and every mdev:
     * what a migration check of that guest needs of its source host, at a cost that follows
     * the guest's size and not the host's. The snapshot lacks every other device.
     *
     * @param spec  the source
     * @param scope what to read of each of those cards and queues
     * @param uuid  the guest's mdev
     * @return the host, restricted to the guest's devices
     */
    public static HostSnapshot openGuestOf(String spec, ReadScope scope, String uuid) {
        return SnapshotSources.open(spec, System.getenv(), scope, r -> r.onlyGuestOf(uuid));
    }

    /**
     * Opens a source as {@link #open(String, ReadScope)} does, but reads of a sysfs tree or
     * fixture only the cards of {@code devices}' adapters and the queues of its APQNs
     * (the sysfs reader's {@code only}), besides the bus attributes and every mdev: what a
     * migration check needs of a target host for a guest with those APQNs.
     *
     * @param spec    the source
     * @param scope   what to read of each of those cards and queues
     * @param devices the APQNs whose queues (and adapters whose cards) to read
     * @return the host, restricted to those devices
     */
    public static HostSnapshot openOnly(String spec, ReadScope scope, ApMatrix devices) {
        return SnapshotSources.open(spec, System.getenv(), scope, r -> r.only(devices));
    }
}
