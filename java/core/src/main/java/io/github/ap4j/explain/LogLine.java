// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

/**
 * One physical input line.
 *
 * @param raw      the line as given, without its line terminator (CR of a CRLF included)
 * @param body     the message text: time stamps, host name and {@code kernel:} tag removed,
 *                 trailing white space stripped
 * @param prefixed whether a log prefix was removed; a line without one may be the rest of a
 *                 line a terminal wrapped
 */
record LogLine(String raw, String body, boolean prefixed) {
}
