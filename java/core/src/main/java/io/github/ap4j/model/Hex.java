// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import io.github.ap4j.BadInputException;

/** Allocation-free hex helpers shared by the value types (package-private on purpose). */
final class Hex {
    static final char[] LOWER = "0123456789abcdef".toCharArray();
    static final char[] UPPER = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /** Value of one hex digit, or -1 when {@code c} is not one. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Appends {@code value} as exactly {@code digits} hex digits. */
    static StringBuilder append(StringBuilder sb, long value, int digits, char[] alphabet) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(alphabet[(int) (value >>> shift) & 0xf]);
        }
        return sb;
    }

    /**
     * Parses a fixed-width hex field such as the {@code %02lx} or {@code %04lx} of a matrix
     * line: hex digits only, no {@code 0x}, no newline (the caller has cut the field).
     *
     * @throws IllegalArgumentException quoting the text when a character is not a hex digit
     */
    static long parseDigits(String text, String what) {
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            int d = digit(text.charAt(i));
            if (d < 0) {
                throw new IllegalArgumentException(what + ": not a hex number: " + BadInputException.quote(text));
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /**
     * Parses an unsigned hex number of at most {@code maxDigits} digits, with an optional
     * {@code 0x}/{@code 0X} prefix and one trailing newline (the sysfs forms).
     *
     * @throws IllegalArgumentException quoting the text when it is not such a number
     */
    static long parseUnsigned(String text, int maxDigits, String what) {
        String s = stripNewline(text);
        int start = s.startsWith("0x") || s.startsWith("0X") ? 2 : 0;
        int n = s.length() - start;
        if (n < 1 || n > maxDigits) {
            throw new IllegalArgumentException(
                    what + ": expected up to " + maxDigits + " hex digits, got " + BadInputException.quote(text));
        }
        long v = 0;
        for (int i = start; i < s.length(); i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                throw new IllegalArgumentException(what + ": not a hex number: " + BadInputException.quote(text));
            }
            v = (v << 4) | d;
        }
        return v;
    }

    static String stripNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
