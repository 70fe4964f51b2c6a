// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts back together the messages a terminal wrapped over several lines. A line without a log
 * prefix continues the line before it when that line is long enough to have been wrapped and the
 * joined text still matches, or could still become, a known message; it never continues when it
 * is a message of its own. A wrap may fall on a space the copy dropped, so both joins are tried,
 * the one without a space first.
 */
final class LogJoiner {

    /** A message: the physical lines it came from (as given) and its joined text. */
    record Entry(List<String> raw, String body) {
    }

    /** Shortest line a terminal can have wrapped (narrower terminals are not worth guessing). */
    static final int MIN_WRAPPED_WIDTH = 40;
    /** Most physical lines one message may span (the longest console error is ~330 characters). */
    static final int MAX_PARTS = 10;
    private static final int MAX_CANDIDATES = 8;

    private LogJoiner() {
    }

    static List<Entry> join(List<LogLine> lines) {
        List<Entry> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            LogLine first = lines.get(i);
            String best = MessageForms.match(first.body()) != null ? first.body() : null;
            int bestEnd = i + 1;
            List<String> candidates = List.of(first.body());
            int k = i + 1;
            while (k < lines.size() && k - i < MAX_PARTS && !first.body().isEmpty()) {
                LogLine prev = lines.get(k - 1);
                LogLine next = lines.get(k);
                if (next.prefixed() || next.body().isEmpty()
                        || prev.raw().length() < MIN_WRAPPED_WIDTH) {
                    break;
                }
                // A line that is a message of its own continues only an unfinished one, and only
                // when the two make a message together ("...: " + "AP type of source ...").
                boolean own = startsMessage(next.body());
                if (own && best != null) {
                    break;
                }
                boolean spaced = Character.isWhitespace(next.raw().charAt(0))
                        || prev.raw().endsWith(" ");
                List<String> grown = new ArrayList<>();
                String matched = null;
                for (String c : candidates) {
                    for (String j : spaced ? new String[] {c + " " + next.body()}
                            : new String[] {c + next.body(), c + " " + next.body()}) {
                        if (MessageForms.match(j) != null) {
                            matched = matched == null ? j : matched;
                            grown.add(j);
                        } else if (MessageForms.couldContinue(j)) {
                            grown.add(j);
                        }
                    }
                }
                if (grown.isEmpty() || own && matched == null) {
                    break;
                }
                candidates = grown.size() > MAX_CANDIDATES ? grown.subList(0, MAX_CANDIDATES) : grown;
                if (matched != null) {
                    best = matched;
                    bestEnd = k + 1;
                }
                k++;
            }
            if (best == null) {
                out.add(new Entry(List.of(first.raw()), first.body()));
                i++;
            } else {
                List<String> raw = new ArrayList<>();
                for (int x = i; x < bestEnd; x++) {
                    raw.add(lines.get(x).raw());
                }
                out.add(new Entry(raw, best));
                i = bestEnd;
            }
        }
        return out;
    }

    /** Whether a line is a message of its own rather than the rest of a wrapped one. */
    private static boolean startsMessage(String body) {
        return MessageForms.match(body) != null || body.startsWith("vfio_ap_mdev")
                || body.startsWith("error:") || body.startsWith("qemu-system-");
    }
}
