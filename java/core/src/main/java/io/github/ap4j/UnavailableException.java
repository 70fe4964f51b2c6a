// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j;

/**
 * A source or provider that cannot be used here (the native layer on x86, PQAP trapping, a
 * missing sysfs root on a non-Z host). The CLI exits with code 3.
 */
public class UnavailableException extends Ap4jException {
    private static final long serialVersionUID = 1L;

    /**
     * An unusable source without a cause.
     *
     * @param message one printable line saying what is unavailable and why
     */
    public UnavailableException(String message) {
        super(message);
    }

    /**
     * An unusable source, with the exception that showed it.
     *
     * @param message one printable line saying what is unavailable and why
     * @param cause the underlying exception
     */
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
