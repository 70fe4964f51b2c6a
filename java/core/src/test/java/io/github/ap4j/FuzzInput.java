// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * What every fuzz test of a parser shares: how a raw input picks one of several formats, and
 * the properties every rejection must have.
 *
 * <p>An input is {@code <name>\n<text>}: the first line names the format (a sysfs attribute
 * name such as {@code ap_functions}, so the committed seeds read like the files they come from)
 * and the rest is the text, decoded as ISO-8859-1 like {@code SysfsTree.readText} does, so every
 * byte value reaches the parser. A first line that names no format still picks one (by its
 * hash), so no input the fuzzer makes is wasted.
 */
public final class FuzzInput {

    /**
     * The longest one-line message a rejection may have beyond its source name: the reason
     * plus at most two quoted excerpts of 120 characters each, escaped.
     */
    public static final int MAX_MESSAGE = 640;

    /**
     * Why the fuzz tests do not run on the emulated s390x JVM of {@code ci-s390x/run}: even over
     * its seeds a fuzz test installs Jazzer's agent, and Jazzer supports x86_64 and arm64 only
     * (its README; its jar carries native drivers for those alone). The parsers are pure Java,
     * so the x86_64 runs cover them.
     */
    public static final String NOT_ON_S390X = "Jazzer supports x86_64 and arm64 only; these "
            + "pure-Java parsers are fuzzed and their seeds run on x86_64";

    private FuzzInput() {
    }

    /** A format picked by the input's first line, and the text after it. */
    public record Picked<F>(F format, String text) {
    }

    public static <F> Picked<F> pick(byte[] input, List<F> formats, Function<F, String> name) {
        return pick(input, formats, name, StandardCharsets.ISO_8859_1);
    }

    /** As {@link #pick(byte[], List, Function)}, the text decoded from {@code charset}. */
    public static <F> Picked<F> pick(byte[] input, List<F> formats, Function<F, String> name,
            Charset charset) {
        int nl = 0;
        while (nl < input.length && input[nl] != '\n') {
            nl++;
        }
        String first = new String(input, 0, nl, StandardCharsets.ISO_8859_1);
        String text = nl < input.length
                ? new String(input, nl + 1, input.length - nl - 1, charset)
                : "";
        for (F f : formats) {
            if (name.apply(f).equals(first)) {
                return new Picked<>(f, text);
            }
        }
        return new Picked<>(formats.get(Math.floorMod(first.hashCode(), formats.size())), text);
    }

    /**
     * A rejection is one printable line of bounded length that begins with the name of the
     * input it rejects ({@code <source>: ...}, {@code <source>:<line>: ...} or
     * {@code <source> line <n>: ...}): no newline, no terminal escape, no raw byte of the input.
     */
    public static void assertOneLineNaming(String source, Throwable rejection) {
        String m = rejection.getMessage();
        assertTrue(m != null && (m.startsWith(source + ":") || m.startsWith(source + " line ")),
                () -> "message does not start with '" + source + "': " + printable(m));
        assertPrintableLine(m);
        assertTrue(m.length() <= source.length() + MAX_MESSAGE,
                () -> "message of " + m.length() + " characters: " + printable(m));
    }

    /** Every character printable ASCII (0x20..0x7e), so the line is safe on any terminal. */
    public static void assertPrintableLine(String m) {
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            int at = i;
            assertTrue(c >= 0x20 && c < 0x7f,
                    () -> "character U+" + String.format("%04X", (int) c) + " at " + at
                            + " of the message: " + printable(m));
        }
    }

    /** The message with every character outside printable ASCII escaped, for assertion texts. */
    public static String printable(String m) {
        if (m == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : m.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
