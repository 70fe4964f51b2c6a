// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j;

/**
 * Input that ap4j cannot use: a malformed or missing sysfs attribute, a truncated fixture, a bad
 * APQN, odd lszcrypt text. The message is one line that names the source (file, line) and quotes
 * the bad value, for example
 * {@code /sys/bus/ap/ap_adapter_mask: not a 256-bit mask (expected 0x and 64 hex digits): '0x12'}.
 * The CLI prints it and exits with code 2.
 */
public class BadInputException extends Ap4jException {
    private static final long serialVersionUID = 1L;

    /** The file, line or argument the input came from, as given (unescaped). */
    private final String source;
    /** What is wrong: the message after the source. */
    private final String detail;

    /**
     * Bad input from a named source.
     *
     * @param source the file, {@code file:line} or argument; escaped in the message
     * @param message what is wrong, with the value quoted by {@link #quote(String)}
     */
    public BadInputException(String source, String message) {
        super(escape(source) + ": " + message);
        this.source = source;
        this.detail = message;
    }

    /**
     * Bad input from a named source, found through another exception.
     *
     * @param source the file, {@code file:line} or argument; escaped in the message
     * @param message what is wrong, with the value quoted by {@link #quote(String)}
     * @param cause the parser's exception
     */
    public BadInputException(String source, String message, Throwable cause) {
        super(escape(source) + ": " + message, cause);
        this.source = source;
        this.detail = message;
    }

    /**
     * Quotes a bad value for a one-line message: in single quotes, newline, tab, other control
     * characters and non-ASCII bytes escaped (sysfs and lszcrypt text are ASCII, so anything else
     * is garbage worth seeing as bytes), cut after 120 characters of the quoted text, escapes
     * included, with {@code ...}: a value of control bytes (each escaped as four characters)
     * still gives a short excerpt, not a line four times as long.
     *
     * @param value the bad value, may be null
     * @return the quoted, escaped and shortened value; {@code null} unquoted for null
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), 120) + 8).append('\'');
        int i = 0;
        for (; i < value.length() && sb.length() <= 120; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                appendEscaped(sb, c);
            } else {
                sb.append(c);
            }
        }
        if (i < value.length()) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }

    /**
     * A name (a path, an archive member) made safe for a one-line message: unquoted and not
     * shortened, but with newline, tab, other control characters and non-ASCII characters
     * escaped as in {@link #quote(String)}, so a file named with terminal escapes cannot retitle
     * or clear the terminal it is reported on.
     *
     * @param name the name, may be null
     * @return the escaped name; {@code null} for null
     */
    public static String escape(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(name.length() + 16).append(name, 0, i);
            }
            appendEscaped(sb, c);
        }
        return sb == null ? name : sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, char c) {
        if (c == '\n') {
            sb.append("\\n");
        } else if (c == '\t') {
            sb.append("\\t");
        } else {
            sb.append(String.format(c > 0xff ? "\\u%04x" : "\\x%02x", (int) c));
        }
    }

    /** {@return the file, line or argument the bad input came from, unescaped} */
    public String source() {
        return source;
    }

    /**
     * The same failure with its source named in full: {@code prefix + source()}, the same
     * detail, cause and stack trace. For a reader that hands a parser a short name and names
     * the whole path only when the input is bad.
     *
     * @param prefix what goes before the source, such as a directory's path and {@code /}
     * @return the exception to throw instead of this one
     */
    public BadInputException withSourcePrefix(String prefix) {
        BadInputException e = new BadInputException(prefix + source, detail, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
