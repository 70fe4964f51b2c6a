// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j;

/** Base of ap4j's own failures: each has a message fit to print as one line. */
public class Ap4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure without a cause.
     *
     * @param message one printable line
     */
    public Ap4jException(String message) {
        super(message);
    }

    /**
     * A failure caused by another exception.
     *
     * @param message one printable line
     * @param cause the underlying exception, kept for debugging
     */
    public Ap4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
