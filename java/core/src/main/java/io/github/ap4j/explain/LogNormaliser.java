// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the log prefixes off a pasted line, so that one matcher per message serves every way of
 * collecting logs:
 * <ul>
 *   <li>{@code dmesg}: {@code [  123.456789] }, {@code dmesg -T}: {@code [Tue Dec  1 19:04:22 2026] },
 *       {@code dmesg -x}: {@code kern  :err   : }, a caller id {@code [T1234] };</li>
 *   <li>{@code journalctl -k} and syslog: {@code Dec  1 19:04:22 host kernel: },
 *       {@code 2026-12-01T19:04:22.123456+00:00 host kernel: }, any tag such as
 *       {@code virtqemud[1234]: };</li>
 *   <li>QEMU logs: {@code 2026-12-01 19:04:22.123+0000: } (libvirt's lines) and
 *       {@code 2026-12-01T19:04:22.123456Z } ({@code -msg timestamp=on});</li>
 *   <li>libvirt's own log header {@code 5678: error : qemuMigrationJobCheckStatus:1234 : }.</li>
 * </ul>
 * Prefixes are removed repeatedly (a syslog line can carry a dmesg stamp after {@code kernel:}).
 */
final class LogNormaliser {

    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?"
            + "(?:Z|[+-]\\d{2}:?\\d{2})?";
    private static final String BSD = "[A-Z][a-z]{2} [ \\d]?\\d \\d{2}:\\d{2}:\\d{2}";
    /** A syslog tag: {@code kernel}, {@code virtqemud[1234]}, {@code libvirtd[1]}. */
    private static final String TAG = "(?:kernel|[A-Za-z][\\w.@/-]*\\[\\d+\\])";

    private static final Pattern[] PREFIXES = {
        // dmesg [  123.456789], dmesg -T [Tue Dec  1 19:04:22 2026], caller id [T1234]
        Pattern.compile("^\\[\\s*\\d+\\.\\d+\\]\\s?"),
        Pattern.compile("^\\[[A-Z][a-z]{2} " + BSD + " \\d{4}\\]\\s?"),
        Pattern.compile("^\\[\\s*[TC]\\d+\\]\\s?"),
        // dmesg -x: facility and level
        Pattern.compile("^[a-z]+\\s*:[a-z]+\\s*: "),
        // syslog / journalctl: stamp, host, tag
        Pattern.compile("^(?:" + BSD + "|" + ISO + ") \\S+ " + TAG + ": "),
        // a host and the kernel tag without a stamp (journalctl -o short-monotonic after its stamp)
        Pattern.compile("^(?:\\S+ )?" + TAG + ": "),
        // QEMU log lines, libvirt's log header
        Pattern.compile("^" + ISO + ":? "),
        Pattern.compile("^\\d+: (?:error|warning|info|debug) : [\\w.]+:\\d+ : "),
    };

    /** Colour codes of {@code dmesg --color=always} and {@code journalctl} on a terminal. */
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

    private LogNormaliser() {
    }

    /** Normalises one physical line (given without its newline). */
    static LogLine normalise(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        String body = line.indexOf('\u001b') < 0 ? line.strip()
                : ANSI.matcher(line).replaceAll("").strip();
        boolean prefixed = false;
        for (int round = 0; round < 6; round++) {
            boolean removed = false;
            for (Pattern p : PREFIXES) {
                Matcher m = p.matcher(body);
                if (m.find() && m.end() < body.length()) {
                    body = body.substring(m.end()).strip();
                    prefixed = removed = true;
                    break;
                }
            }
            if (!removed) {
                break;
            }
        }
        return new LogLine(line, body, prefixed);
    }
}
