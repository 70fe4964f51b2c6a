// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import java.util.Locale;

/** Which side of the migration a log line can only have come from. */
public enum Host {
    SOURCE, DESTINATION;

    /** {@code source} or {@code destination}, as the JSON report spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
