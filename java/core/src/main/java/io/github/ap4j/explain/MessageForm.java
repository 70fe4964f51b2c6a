// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.check.RuleSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One message text a matcher recognises.
 *
 * @param kind    what the message reports
 * @param pattern the whole-line pattern; named groups {@code uuid}, {@code apqn}, {@code other}
 *                (another mdev), {@code a} and {@code b} (numbers), {@code why} (a console tail)
 * @param rules   the rule sets whose kernel prints this text (libvirt and QEMU texts: both)
 * @param host    the host the line can only come from, or null
 * @param feature for {@link Kind#REPORT_LINE}: the feature it names, else null
 * @param side    for a report line about one side: {@link Host#SOURCE} or
 *                {@link Host#DESTINATION}; null when the line gives both sides' values
 * @param value   for a one-side report line: the value it states for that side
 * @param variant where the text comes from when it is not a {@code KernelLog} text (for
 *                example the INT snapshot), else null
 */
record MessageForm(Kind kind, Pattern pattern, List<RuleSet> rules, Host host, Feature feature,
        Host side, Object value, String variant) {

    /** What a message reports. */
    enum Kind {
        MDEV_NOT_FOUND, SE, QUEUE_NOT_AVAILABLE, CONTROL_DOMAIN, TAPQ, SHARING, REPORT_HEADER,
        REPORT_LINE, SUPPRESSED, CONSOLE, QEMU_LOAD_FAILED, QEMU_CONTEXT
    }

    /** Whether this form's message belongs to the kernel's post-copy report. */
    boolean isKernel() {
        return switch (kind) {
            case SE, QUEUE_NOT_AVAILABLE, CONTROL_DOMAIN, TAPQ, SHARING, REPORT_HEADER,
                    REPORT_LINE -> true;
            default -> false;
        };
    }
}
