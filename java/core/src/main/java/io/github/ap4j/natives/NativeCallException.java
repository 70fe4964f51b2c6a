// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import io.github.ap4j.Ap4jException;

/** A shim call that returned a negative {@code AP4J_E_*} code; {@link #failure()} has the details. */
public final class NativeCallException extends Ap4jException {
    private static final long serialVersionUID = 1L;

    private final transient NativeFailure failure;

    public NativeCallException(String call, NativeFailure failure) {
        super(call + ": " + failure.message() + " [" + failure.error() + "]");
        this.failure = failure;
    }

    public NativeFailure failure() {
        return failure;
    }

    public NativeError error() {
        return failure.error();
    }
}
