package io.github.ap4j.cli;

/** The CLI's exit codes, documented in {@code ap4j --help}. */
public final class ExitCode {
    /** Success; for {@code check}: every target is compatible. */
    public static final int OK = 0;
    /** {@code check}: at least one target is incompatible. */
    public static final int INCOMPATIBLE = 1;
    /** Usage error or bad input (malformed word, sysfs file, fixture, lszcrypt text, APQN). */
    public static final int BAD_INPUT = 2;
    /** A source or provider is unavailable here (native layer, PQAP, sysfs root). */
    public static final int UNAVAILABLE = 3;
    /** A bug in ap4j. */
    public static final int INTERNAL = 4;
    /** Some target could not be verified and none is incompatible. */
    public static final int UNVERIFIABLE = 5;

    private ExitCode() {
    }
}
