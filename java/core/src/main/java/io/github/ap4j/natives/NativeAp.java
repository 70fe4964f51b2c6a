// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Owns the native layer's availability, in the style of netty's {@code Epoll}: decided once per
 * class loader, proven by real calls ({@code ap4j_abi_version}, then a hardware PQAP probe), and
 * the cause kept (not logged) for {@link #unavailabilityCause()}.
 *
 * <p>Two levels: the <b>library</b> ({@link #shim()}, needed for replay mode, works on every
 * platform libap4j is built for) and the <b>hardware</b> ({@link #isAvailable()}: PQAP executes
 * without trapping). System properties, read once:
 * <ul>
 * <li>{@value #DISABLE_PROPERTY}{@code =true}: do not load the library at all;</li>
 * <li>{@value #LIBRARY_PATH_PROPERTY}: the libap4j.so file, or a directory holding it, instead
 *     of the one shipped in the ap4j-native jar ({@code <JNA resource prefix>/libap4j.so}).</li>
 * <li>{@value #TIMEOUT_PROPERTY}: how long a PQAP child may take before it is killed, in
 *     milliseconds, 1..600000 (default {@value #DEFAULT_TIMEOUT_MILLIS}). The probe runs once,
 *     in this class's initializer, and is bounded by it too.</li>
 * </ul>
 * Nothing else is searched: not {@code jna.library.path}, not the system library path, so a
 * stale libap4j.so installed elsewhere is never loaded; and whatever is loaded must answer
 * {@link #ABI_VERSION}. This class itself does not link against JNA: without JNA on the class
 * path the library is "not loadable" with the {@link NoClassDefFoundError} as the cause.
 */
public final class NativeAp {

    /** System property: {@code true} keeps libap4j from being loaded at all. */
    public static final String DISABLE_PROPERTY = "ap4j.native.disable";
    /**
     * System property: a libap4j.so file, or a directory holding it, to load instead of the shipped
     * one.
     */
    public static final String LIBRARY_PATH_PROPERTY = "ap4j.native.library.path";
    /** System property: milliseconds a PQAP child may run before it is killed, 1..600000. */
    public static final String TIMEOUT_PROPERTY = "ap4j.native.timeoutMillis";
    /** Ten seconds: TAPQ of all 65536 APQNs takes well under one on a real machine. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
    /** The only {@code ap4j_abi_version()} this code speaks ({@code AP4J_ABI_VERSION}). */
    public static final int ABI_VERSION = 3;
    static final String LIBRARY_NAME = "ap4j";

    private static final Probe PROBE = probe(System::getProperty);

    private NativeAp() {
    }

    /** Result of one probe: the shim if the library loaded, and why the hardware is unusable. */
    record Probe(ApShim shim, NativeUnavailableException libraryCause,
                 NativeUnavailableException hardwareCause) {
    }

    /**
     * {@return whether PQAP can be executed through the shim on this machine (the probe did not
     * trap)}
     */
    public static boolean isAvailable() {
        return PROBE.hardwareCause() == null;
    }

    /** {@return why {@link #isAvailable()} is false; empty when it is true} */
    public static Optional<NativeUnavailableException> unavailabilityCause() {
        return Optional.ofNullable(PROBE.hardwareCause());
    }

    /**
     * Throws the cause (a fresh exception of the same reason) unless {@link #isAvailable()}.
     *
     * @throws NativeUnavailableException when PQAP cannot be executed here
     */
    public static void ensureAvailable() {
        rethrow(PROBE.hardwareCause());
    }

    /**
     * JNA's resource prefix for this platform ({@code linux-x86-64}, {@code linux-s390x}): where
     * the ap4j-native jar keeps the library. Without JNA, {@code os.name-os.arch} as the JVM
     * reports them.
     *
     * @return the prefix, for example {@code linux-s390x}
     */
    public static String platformPrefix() {
        try {
            return JnaApShim.platformPrefix();
        } catch (LinkageError e) {
            return System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + "-"
                    + System.getProperty("os.arch", "?");
        }
    }

    /**
     * Where the ap4j-native jar keeps this platform's library, as a class-path resource (JNA
     * names the platform, so JNA must be on the class path).
     *
     * @return for example {@code linux-s390x/libap4j.so}
     */
    public static String libraryResource() {
        return JnaApShim.libraryResource();
    }

    /**
     * {@return whether libap4j is loaded (replay mode works) even if the hardware is not available}
     */
    public static boolean isLibraryLoaded() {
        return PROBE.shim() != null;
    }

    /**
     * The loaded shim, for replay mode anywhere and hardware mode where {@link #isAvailable()}.
     *
     * @return the shim; the same instance on every call
     * @throws NativeUnavailableException with reason DISABLED_BY_PROPERTY or LIBRARY_NOT_LOADABLE
     */
    public static ApShim shim() {
        rethrow(PROBE.libraryCause());
        return PROBE.shim();
    }

    private static void rethrow(NativeUnavailableException cause) {
        if (cause != null) {
            throw new NativeUnavailableException(cause.reason(), cause.getMessage(),
                    cause.failure().orElse(null), cause);
        }
    }

    /** The probe, with properties from {@code props}; package-private for tests. */
    static Probe probe(UnaryOperator<String> props) {
        if (Boolean.parseBoolean(props.apply(DISABLE_PROPERTY))) {
            NativeUnavailableException off = new NativeUnavailableException(NativeUnavailableException.Reason.DISABLED_BY_PROPERTY,
                    "native layer disabled by -D" + DISABLE_PROPERTY + "=true", null, null);
            return new Probe(null, off, off);
        }
        ApShim shim;
        try {
            shim = JnaApShim.load(props.apply(LIBRARY_PATH_PROPERTY), timeoutMillis(props.apply(TIMEOUT_PROPERTY)));
            int abi = shim.abiVersion();
            if (abi != ABI_VERSION) {
                throw new IllegalStateException("libap4j answers ABI version " + abi
                        + ", this ap4j needs " + ABI_VERSION);
            }
        } catch (LinkageError | RuntimeException e) {
            NativeUnavailableException cause = new NativeUnavailableException(NativeUnavailableException.Reason.LIBRARY_NOT_LOADABLE,
                    "libap4j not loadable on " + platformPrefix() + ": " + describe(e), null, e);
            return new Probe(null, cause, cause);
        }
        return new Probe(shim, null, hardwareCause(shim));
    }

    /** The child timeout from its property text; a bad value is a bad setting, said so. */
    static int timeoutMillis(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_TIMEOUT_MILLIS;
        }
        try {
            int ms = Integer.parseInt(text.strip());
            if (ms >= 1 && ms <= 600_000) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + TIMEOUT_PROPERTY + "="
                + io.github.ap4j.BadInputException.quote(text) + " is not a number of milliseconds in 1..600000");
    }

    /** The message, and for a missing class (JNA absent) what is missing. */
    private static String describe(Throwable e) {
        if (e instanceof NoClassDefFoundError) {
            return "JNA is not on the class path (" + e + ")";
        }
        return e.getMessage();
    }

    private static NativeUnavailableException hardwareCause(ApShim shim) {
        try {
            shim.hwProbe();
            return null;
        } catch (NativeCallException e) {
            NativeFailure f = e.failure();
            NativeUnavailableException.Reason reason;
            switch (f.error()) {
                case UNSUPPORTED_ARCHITECTURE:
                    reason = NativeUnavailableException.Reason.UNSUPPORTED_ARCHITECTURE;
                    break;
                case PQAP_TRAPPED:
                    reason = NativeUnavailableException.Reason.PQAP_TRAPS;
                    break;
                default:
                    reason = NativeUnavailableException.Reason.PROBE_FAILED;
                    break;
            }
            return new NativeUnavailableException(reason, f.message(), f, e);
        }
    }
}
