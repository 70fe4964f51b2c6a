// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import java.util.Locale;

/** Which side of the migration a log line can only have come from. */
public enum Host {
    /** The source host, whose kernel reads the queues for the migration stream (source TAPQ). */
    SOURCE,
    /** The destination, where libvirt looks up the mdev and the kernel validates the queues. */
    DESTINATION;

    /** {@return {@code source} or {@code destination}, as the JSON report spells it} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
