// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import io.github.ap4j.UnavailableException;
import java.util.Optional;

/** Why {@link NativeAp} cannot reach the AP hardware, as a typed {@link Reason}. */
public final class NativeUnavailableException extends UnavailableException {
    private static final long serialVersionUID = 1L;

    /** The kinds of unavailability, in the order {@link NativeAp} checks them. */
    public enum Reason {
        /** {@code -Dap4j.native.disable=true}: the library was not even loaded. */
        DISABLED_BY_PROPERTY,
        /** JNA could not load libap4j (no resource for this platform, bad override path), or
         *  the library answered another ABI version. */
        LIBRARY_NOT_LOADABLE,
        /** The library works, but was built for an architecture without PQAP (not s390x). */
        UNSUPPORTED_ARCHITECTURE,
        /** On s390x, PQAP trapped in the probe child: "PQAP not usable: SIGILL ILL_PRVOPC"
         *  on hardware, "... ILL_ILLOPC" under qemu-user. */
        PQAP_TRAPS,
        /** The probe itself failed (fork, pipe, child died); see the failure. */
        PROBE_FAILED
    }

    /** The kind of unavailability; part of the serialized form. */
    private final Reason reason;
    private final transient NativeFailure failure;

    NativeUnavailableException(Reason reason, String message, NativeFailure failure, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.failure = failure;
    }

    /** {@return the kind of unavailability} */
    public Reason reason() {
        return reason;
    }

    /** {@return the shim's own report, when the shim was loaded and answered the probe} */
    public Optional<NativeFailure> failure() {
        return Optional.ofNullable(failure);
    }
}
