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

    private final String source;

    public BadInputException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public BadInputException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The file, line or argument the bad input came from. */
    public String source() {
        return source;
    }
}
