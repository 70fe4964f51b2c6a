package io.github.ap4j.cli;

import io.github.ap4j.snapshot.HostSnapshot;
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
        HostSnapshot s = open(spec, stdio, "--target");
        if (s.provenance().kind() == io.github.ap4j.snapshot.SourceKind.DESCRIPTOR) {
            throw new io.github.ap4j.BadInputException(spec.equals("-") ? Stdio.NAME : spec,
                    "an ap4j guest descriptor describes the source side of one guest, not a "
                    + "target host; give a sysfs tree, fixture or lszcrypt text of the target");
        }
        return s;
    }

    /** For tests: open specs with {@code f}; {@code null} restores the resolver. */
    static void useOpener(Function<String, HostSnapshot> f) {
        opener = f == null ? DEFAULT : f;
    }
}
