package io.github.ap4j.cli;

import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.HostSnapshots;
import io.github.ap4j.snapshot.ReadScope;
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

    /** For tests: open specs with {@code f}; {@code null} restores the resolver. */
    static void useOpener(Function<String, HostSnapshot> f) {
        opener = f == null ? DEFAULT : f;
    }
}
