package io.github.ap4j.check;

import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.Attr;

/**
 * Helpers for reading snapshots in the check. Per-queue lookups go through the snapshot's own
 * {@link io.github.ap4j.snapshot.QueueIndex}, built once per snapshot rather than once per check.
 */
final class HostView {
    private HostView() {
    }

    static <T> boolean unknown(Attr<T> a) {
        return !a.isPresent() && a.absence() == Absence.UNKNOWN;
    }
}
