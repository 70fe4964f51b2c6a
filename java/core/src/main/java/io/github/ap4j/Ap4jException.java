// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j;

/** Base of ap4j's own failures: each has a message fit to print as one line. */
public class Ap4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Ap4jException(String message) {
        super(message);
    }

    public Ap4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
