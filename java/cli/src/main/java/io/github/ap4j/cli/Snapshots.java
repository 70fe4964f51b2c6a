package io.github.ap4j.cli;

import io.github.ap4j.Ap4jException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.snapshot.HostSnapshot;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * How {@code check} and {@code plan} turn a snapshot spec (directory, {@code .tar.gz}, lszcrypt
 * text, {@code sysfs:}) into a snapshot: {@code SnapshotSources.open(String)}. That resolver is
 * built on another branch; until it is merged it is looked up by name, and its absence is an
 * {@link UnavailableException}. Tests replace the opener.
 */
final class Snapshots {
    private static final Function<String, HostSnapshot> DEFAULT = Snapshots::viaResolver;
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

    private static HostSnapshot viaResolver(String spec) {
        Method open;
        try {
            open = Class.forName("io.github.ap4j.snapshot.SnapshotSources")
                    .getMethod("open", String.class);
        } catch (ReflectiveOperationException e) {
            throw new UnavailableException("snapshot reader not built into this ap4j "
                    + "(io.github.ap4j.snapshot.SnapshotSources is missing)");
        }
        try {
            return (HostSnapshot) open.invoke(null, spec);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new Ap4jException(spec + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
