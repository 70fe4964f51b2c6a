// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import java.util.Locale;

/**
 * How much a finding matters: an error makes the target incompatible, or unverifiable when its
 * code is {@link FindingCode#UNVERIFIABLE} (see {@link Verdict#of(java.util.List)}).
 */
public enum Severity {
    /** The target fails a stage or a stage cannot be predicted; decides the verdict. */
    ERROR,
    /** Worth acting on, but the kernel accepts the migration (master keys, for example). */
    WARNING,
    /** Context only. */
    INFO;

    /** {@return {@code error}, {@code warning} or {@code info}, as the JSON report spells it} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
