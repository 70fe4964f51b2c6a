// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.HostSnapshots;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.internal.SnapshotSources;
import java.util.function.Function;

/**
 * How {@code check} and {@code plan} turn a snapshot spec (directory, {@code .tar.gz}, lszcrypt
 * text, {@code sysfs:}, {@code native}, {@code replay:FILE}) into a snapshot: through
 * {@link HostSnapshots#open(String, ReadScope)} in the
 * {@link ReadScope#MIGRATION} scope: the check and the planner need a third of
 * a queue's files, and reading the rest would triple the time a sysfs snapshot takes. Tests
 * replace the opener with in-memory snapshots.
 */
final class Snapshots {
    private static final Function<String, HostSnapshot> DEFAULT =
            spec -> HostSnapshots.open(spec, ReadScope.MIGRATION);
    private static Function<String, HostSnapshot> opener = DEFAULT;

    private Snapshots() {
    }

    static HostSnapshot open(String spec) {
        return opener.apply(spec);
    }

    /**
     * {@link #open(String)}, where {@code -} reads {@code stdio}'s stdin (a fixture archive,
     * lszcrypt text or a domain XML, told apart by content); {@code what} names the option.
     */
    static HostSnapshot open(String spec, Stdio stdio, String what) {
        if (spec.equals("-")) {
            return SnapshotSources.open(stdio.readStdin(what), Stdio.NAME,
                    ReadScope.MIGRATION);
        }
        return open(spec);
    }

    /** A target: as {@link #open(String, Stdio, String)}, but a guest descriptor is refused. */
    static HostSnapshot openTarget(String spec, Stdio stdio) {
        return refuseDescriptor(spec, open(spec, stdio, "--target"));
    }

    private static HostSnapshot refuseDescriptor(String spec, HostSnapshot s) {
        if (s.provenance().kind() == io.github.ap4j.snapshot.SourceKind.DESCRIPTOR) {
            throw new io.github.ap4j.BadInputException(spec.equals("-") ? Stdio.NAME : spec,
                    "an ap4j guest descriptor describes the source side of one guest, not a "
                    + "target host; give a sysfs tree, fixture or lszcrypt text of the target");
        }
        return s;
    }

    /**
     * The source host of a check of mdev {@code uuid}'s guest: the bus, every mdev and only the
     * guest's cards and queues ({@link HostSnapshots#openGuestOf}), so that a check costs what
     * the guest's size says, not the host's.
     */
    static HostSnapshot openSource(String spec, String uuid) {
        return opener != DEFAULT ? opener.apply(spec)
                : HostSnapshots.openGuestOf(spec, ReadScope.MIGRATION, uuid);
    }

    /**
     * The source of a check: only the guest's part ({@link #openSource(String, String)}) when
     * the mdev is already known and the spec is not stdin; else the whole snapshot
     * ({@link #open(String, Stdio, String)}), since a domain XML, {@code --guest} or stdin
     * must be read before the mdev is known.
     */
    static HostSnapshot openSource(String spec, String uuid, Stdio stdio) {
        return uuid != null && !spec.equals("-") ? openSource(spec, uuid)
                : open(spec, stdio, "--source");
    }

    /**
     * A target host of that check: the bus, every mdev and the cards and queues of the guest's
     * APQNs ({@link HostSnapshots#openOnly}); read again whole when the target's
     * {@code apmask}/{@code aqmask} reserve some of them for the host, because the fix the
     * check then gives weighs the other queues either edit would move off the host drivers
     * ({@code io.github.ap4j.check.Choices.reservation}).
     */
    static HostSnapshot openTarget(String spec, HostSnapshot source, String uuid, Stdio stdio) {
        if (opener != DEFAULT || uuid == null || spec.equals("-")) {
            return openTarget(spec, stdio);
        }
        ApMatrix guest = source.mdev(uuid).flatMap(Mdev::migratedMatrix).orElse(ApMatrix.EMPTY);
        HostSnapshot t = refuseDescriptor(spec,
                HostSnapshots.openOnly(spec, ReadScope.MIGRATION, guest));
        ApMask apmask = t.bus().apmask().orElse(null);
        ApMask aqmask = t.bus().aqmask().orElse(null);
        if (apmask != null && aqmask != null && !guest.adapters().intersect(apmask).isEmpty()
                && !guest.domains().intersect(aqmask).isEmpty()) {
            return HostSnapshots.open(spec, ReadScope.MIGRATION);
        }
        return t;
    }

    /** For tests: open specs with {@code f}; {@code null} restores the resolver. */
    static void useOpener(Function<String, HostSnapshot> f) {
        opener = f == null ? DEFAULT : f;
    }
}
