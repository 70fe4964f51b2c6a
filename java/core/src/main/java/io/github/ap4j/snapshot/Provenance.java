// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import java.time.Instant;
import java.util.Objects;

/**
 * Where and when a snapshot was taken.
 *
 * @param kind   the source kind
 * @param origin the root directory, fixture path, lszcrypt file or replay table, as given
 * @param takenAt when the source was read
 */
public record Provenance(SourceKind kind, String origin, Instant takenAt) {
    /**
     * Checks that nothing is null.
     *
     * @param kind the source kind
     * @param origin the source as given
     * @param takenAt when the source was read
     * @throws NullPointerException if an argument is null
     */
    public Provenance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(takenAt, "takenAt");
    }
}
