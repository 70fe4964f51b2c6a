// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

/** Why an attribute has no value: three different facts, never folded into null or -1. */
public enum Absence {
    /** The attribute does not exist on this host (old kernel, driver not bound, no SE). */
    MISSING,
    /** The kernel says it has no value: {@code not supported}, {@code -} and the like. */
    NOT_SUPPORTED,
    /** The source cannot know it (for example an {@code lszcrypt} import). */
    UNKNOWN,
    /**
     * The source could have read it but was asked not to: a sysfs read narrowed to what the
     * migration check uses ({@link ReadScope#MIGRATION}). Never a fact about the
     * host, and never a reason to ask for a better snapshot.
     */
    NOT_READ
}
