// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import io.github.ap4j.Ap4jException;

/** A shim call that returned a negative {@code AP4J_E_*} code; {@link #failure()} has the details. */
public final class NativeCallException extends Ap4jException {
    private static final long serialVersionUID = 1L;

    private final transient NativeFailure failure;

    /**
     * A failed shim call.
     *
     * @param call the C function, e.g. {@code ap4j_tapq}
     * @param failure what {@code ap4j_last_failure()} reported
     */
    public NativeCallException(String call, NativeFailure failure) {
        super(call + ": " + failure.message() + " [" + failure.error() + "]");
        this.failure = failure;
    }

    /**
     * {@return what {@code ap4j_last_failure()} reported: code, signal, errno, replay line, child
     * pid}
     */
    public NativeFailure failure() {
        return failure;
    }

    /** {@return the error code by name, the same as {@code failure().error()}} */
    public NativeError error() {
        return failure.error();
    }
}
