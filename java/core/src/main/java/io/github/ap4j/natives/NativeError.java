// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

/**
 * The shim's error codes, {@code AP4J_E_*} in {@code native/src/main/include/ap4j.h}, by name.
 */
public enum NativeError {
    /** {@code AP4J_E_INVALID_ARG}: NULL pointer, count outside 0..65536, bad value. */
    INVALID_ARGUMENT(-1),
    /** {@code AP4J_E_UNSUPPORTED_ARCH}: hardware mode in a library not built for s390x. */
    UNSUPPORTED_ARCHITECTURE(-2),
    /** {@code AP4J_E_PQAP_TRAPPED}: PQAP raised a signal (SIGILL) in the probe child. */
    PQAP_TRAPPED(-3),
    /** {@code AP4J_E_SYSTEM}: pipe, fork, poll or malloc failed; see {@link NativeFailure#errno()}. */
    SYSTEM(-4),
    /** {@code AP4J_E_IO}: reserved (ABI 1 read replay files in C; ABI 2 parses text). */
    IO(-5),
    /** {@code AP4J_E_PARSE}: a malformed replay text line; see {@link NativeFailure#line()}. */
    PARSE(-6),
    /** {@code AP4J_E_NO_QCI}: the replay table holds no {@code qci} line. */
    NO_QCI(-7),
    /** {@code AP4J_E_CHILD}: the PQAP child died or answered short. */
    CHILD_FAILED(-8),
    /** {@code AP4J_E_QCI_CC}: PQAP(QCI) ended with a condition code other than 0; see
     *  {@link NativeFailure#conditionCode()}. */
    QCI_CONDITION_CODE(-9),
    /** {@code AP4J_E_TIMEOUT}: the PQAP child did not answer in time and was killed. */
    TIMEOUT(-10),
    /** {@code AP4J_E_SIZE}: a directory's listing does not fit the buffer given. */
    SIZE(-11),
    /** A code this Java version does not know (a newer library). */
    UNKNOWN(Integer.MIN_VALUE);

    private final int code;

    NativeError(int code) {
        this.code = code;
    }

    /** {@return the C return value, negative; {@link Integer#MIN_VALUE} for {@link #UNKNOWN}} */
    public int code() {
        return code;
    }

    /**
     * The error for a C return value.
     *
     * @param code the negative {@code AP4J_E_*} value
     * @return its name, or {@link #UNKNOWN} for a code this version does not know
     */
    public static NativeError byCode(int code) {
        for (NativeError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return UNKNOWN;
    }
}
