// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import java.util.Objects;

/**
 * One feature an incompatibility report names, with what its lines say about each side:
 * {@link Boolean} for a facility (installed or available), {@link Integer} for
 * {@link Feature#AP_TYPE} and {@link Feature#BIND_STATE}, {@code "FULL_NATIVE"} or
 * {@code "STATELESS"} for {@link Feature#CLASS}; {@code null} where the lines do not say (for
 * example when the rate limit dropped one of the two lines).
 *
 * @param feature the feature, never null
 * @param source what the lines say about the source queue, or null
 * @param target what the lines say about the target queue, or null
 */
public record Difference(Feature feature, Object source, Object target) {
    /**
     * Checks the feature.
     *
     * @param feature the feature
     * @param source the source's value, or null
     * @param target the target's value, or null
     * @throws NullPointerException if {@code feature} is null
     */
    public Difference {
        Objects.requireNonNull(feature, "feature");
    }

    /** This difference with the other's non-null values filled in where this one has none. */
    Difference merge(Difference o) {
        return new Difference(feature, source != null ? source : o.source,
                target != null ? target : o.target);
    }
}
