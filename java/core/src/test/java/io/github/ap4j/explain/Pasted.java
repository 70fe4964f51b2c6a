// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns message texts into what an administrator pastes: each way of collecting logs adds its
 * own prefix, a terminal wraps long lines, lines end in CRLF or trailing blanks, and unrelated
 * lines sit between the interesting ones.
 */
final class Pasted {

    /** How the lines were collected. */
    enum Style {
        PLAIN(""),
        DMESG("[  123.456789] "),
        DMESG_T("[Tue Dec  1 19:04:22 2026] "),
        DMESG_COLOUR("\u001b[32m[  123.456789]\u001b[0m "),
        DMESG_X("kern  :err   : [ 4711.000042] "),
        JOURNAL("Dec 01 19:04:22 zhost2 kernel: "),
        SYSLOG("Dec  1 19:04:22 zhost2 kernel: [ 4711.000042] "),
        SYSLOG_ISO("2026-12-01T19:04:22.123456+00:00 zhost2 kernel: "),
        QEMU_LOG("2026-12-01 19:04:22.123+0000: ");

        final String prefix;

        Style(String prefix) {
            this.prefix = prefix;
        }
    }

    static final List<String> UNRELATED = List.of(
            "[  100.000001] systemd[1]: Started Session 3 of user root.",
            "Dec 01 19:04:21 zhost2 kernel: zcrypt: Crypto device driver features: 0x1f",
            "Dec 01 19:04:21 zhost2 sshd[812]: Accepted publickey for root from 10.0.0.1",
            "root@zhost1:~# virsh migrate --live guest1 qemu+ssh://zhost2/system",
            "",
            "   ",
            "2026-12-01 19:04:20.001+0000: starting up libvirt version: 9.0.0");

    private Pasted() {
    }

    /** The messages as pasted: prefix, optional wrap at {@code width} (0: none), noise. */
    static List<String> paste(List<String> messages, Style style, int width, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (String m : messages) {
            if (r.nextInt(3) == 0) {
                out.add(UNRELATED.get(r.nextInt(UNRELATED.size())));
            }
            String line = style.prefix + m;
            List<String> parts = new ArrayList<>();
            if (width > 0) {
                for (int i = 0; i < line.length(); i += width) {
                    parts.add(line.substring(i, Math.min(line.length(), i + width)));
                }
            } else {
                parts.add(line);
            }
            String ending = switch (r.nextInt(3)) {
                case 0 -> "\r";
                case 1 -> "  ";
                default -> "";
            };
            int last = parts.size() - 1;
            parts.set(last, parts.get(last) + ending);
            out.addAll(parts);
        }
        if (r.nextBoolean()) {
            out.add(UNRELATED.get(r.nextInt(UNRELATED.size())));
        }
        return out;
    }
}
