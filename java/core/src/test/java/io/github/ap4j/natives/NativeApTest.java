// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.natives.NativeUnavailableException.Reason;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class NativeApTest {

    @Test
    void libraryLoadsFromTheClasspathAndAnswersAbiVersionTwo() {
        assertTrue(NativeAp.isLibraryLoaded());
        assertEquals(NativeAp.ABI_VERSION, NativeAp.shim().abiVersion());
        assertEquals(3, NativeAp.ABI_VERSION);
    }

    @Test
    void theChildTimeoutPropertyIsChecked() {
        assertEquals(NativeAp.DEFAULT_TIMEOUT_MILLIS, NativeAp.timeoutMillis(null));
        assertEquals(250, NativeAp.timeoutMillis(" 250 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeAp.timeoutMillis("0"));
        assertEquals("-Dap4j.native.timeoutMillis='0' is not a number of milliseconds in 1..600000",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NativeAp.timeoutMillis("10s"));
    }

    @Test
    @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64")
    void onX86TheHardwareIsUnsupportedArchitecture() {
        assertFalse(NativeAp.isAvailable());
        NativeUnavailableException cause = NativeAp.unavailabilityCause().orElseThrow();
        assertEquals(Reason.UNSUPPORTED_ARCHITECTURE, cause.reason());
        assertEquals("PQAP needs s390x; library built for x86_64", cause.getMessage());
        assertEquals(NativeError.UNSUPPORTED_ARCHITECTURE, cause.failure().orElseThrow().error());

        NativeUnavailableException thrown = assertThrows(NativeUnavailableException.class,
                NativeAp::ensureAvailable);
        assertEquals(Reason.UNSUPPORTED_ARCHITECTURE, thrown.reason());
        assertSame(cause, thrown.getCause());
        assertTrue(thrown instanceof UnavailableException);

        ApShim shim = NativeAp.shim();
        NativeCallException tapq = assertThrows(NativeCallException.class,
                () -> shim.tapq(List.of(Apqn.parse("05.0033"))));
        assertEquals(NativeError.UNSUPPORTED_ARCHITECTURE, tapq.error());
        assertEquals(0, tapq.failure().signal());
        NativeCallException qci = assertThrows(NativeCallException.class, shim::qci);
        assertEquals(NativeError.UNSUPPORTED_ARCHITECTURE, qci.error());
        assertEquals("ap4j_qci: PQAP needs s390x; library built for x86_64 [UNSUPPORTED_ARCHITECTURE]",
                qci.getMessage());
    }

    @Test
    @EnabledIfSystemProperty(named = "os.arch", matches = "s390x")
    void onS390xPqapTrapsInTheChildAndTheJvmLives() {
        assertFalse(NativeAp.isAvailable());
        NativeUnavailableException cause = NativeAp.unavailabilityCause().orElseThrow();
        assertEquals(Reason.PQAP_TRAPS, cause.reason());
        NativeFailure f = cause.failure().orElseThrow();
        assertEquals(NativeFailure.SIGILL, f.signal());
        // qemu-user: operation exception -> ILL_ILLOPC; hardware: privileged op -> ILL_PRVOPC
        String expected = f.siCode() == NativeFailure.ILL_ILLOPC
                ? "PQAP not usable: SIGILL ILL_ILLOPC" : "PQAP not usable: SIGILL ILL_PRVOPC";
        assertTrue(f.siCode() == NativeFailure.ILL_ILLOPC || f.siCode() == NativeFailure.ILL_PRVOPC,
                "si_code " + f.siCode());
        assertEquals(expected, cause.getMessage());
        assertTrue(f.childPid() > 0);
        assertNotEquals(ProcessHandle.current().pid(), (long) f.childPid());

        // Remembered: no new fork, the same child pid answers.
        ApShim shim = NativeAp.shim();
        NativeCallException e = assertThrows(NativeCallException.class,
                () -> shim.tapq(List.of(Apqn.parse("05.0033"))));
        assertEquals(NativeError.PQAP_TRAPPED, e.error());
        assertEquals(f.childPid(), e.failure().childPid());
        assertEquals(expected, e.failure().message());
    }

    @Test
    void killSwitchPropertyDoesNotLoadTheLibrary() {
        NativeAp.Probe p = NativeAp.probe(Map.of(NativeAp.DISABLE_PROPERTY, "true")::get);

        assertNull(p.shim());
        assertEquals(Reason.DISABLED_BY_PROPERTY, p.libraryCause().reason());
        assertEquals(Reason.DISABLED_BY_PROPERTY, p.hardwareCause().reason());
        assertEquals("native layer disabled by -Dap4j.native.disable=true", p.hardwareCause().getMessage());
    }

    @Test
    void badLibraryPathOverrideIsLibraryNotLoadable(@TempDir Path dir) {
        String path = dir.resolve("missing/libap4j.so").toString();

        NativeAp.Probe p = NativeAp.probe(Map.of(NativeAp.LIBRARY_PATH_PROPERTY, path)::get);

        assertNull(p.shim());
        assertEquals(Reason.LIBRARY_NOT_LOADABLE, p.libraryCause().reason());
        assertTrue(p.libraryCause().getMessage().contains("no such library file " + path),
                p.libraryCause().getMessage());
        assertTrue(p.libraryCause().getCause() instanceof UnsatisfiedLinkError);
    }

    @Test
    void libraryPathOverrideMayNameADirectory(@TempDir Path dir) throws Exception {
        // The library as shipped for this platform, copied out of ap4j-native's jar.
        String resource = Platform.RESOURCE_PREFIX + "/libap4j.so";
        try (InputStream in = NativeAp.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "ap4j-native ships " + resource);
            Files.copy(in, dir.resolve("libap4j.so"));
        }

        NativeLibrary lib = JnaApShim.loadLibrary(dir.toString());

        assertEquals(dir.resolve("libap4j.so").toFile().getAbsoluteFile(), lib.getFile());
        assertNotNull(lib.getFunction("ap4j_abi_version"));
        assertEquals(NativeAp.ABI_VERSION, lib.getFunction("ap4j_abi_version").invokeInt(new Object[0]));
    }

    /**
     * Class path only (the build's class-path run covers it): on the module path JNA and
     * ap4j-core are boot-layer modules, which every built-in class loader, the platform one
     * included, resolves by package, so no child loader can hide JNA from them.
     */
    static boolean onModulePath() {
        return NativeAp.class.getModule().isNamed();
    }

    @Test
    @DisabledIf("onModulePath")
    void withoutJnaOnTheClassPathTheLibraryIsNotLoadableWithTheCause() throws Exception {
        // ap4j-core's classes and the ap4j-native resources, but no JNA: the platform class
        // loader as parent sees only the JDK.
        URL core = NativeAp.class.getProtectionDomain().getCodeSource().getLocation();
        String resource = Platform.RESOURCE_PREFIX + "/libap4j.so";
        URL lib = NativeAp.class.getClassLoader().getResource(resource);
        assertNotNull(lib, resource);
        String libText = lib.toString();
        URL nativeRoot = new URL(libText.substring(0, libText.length() - resource.length()));
        try (URLClassLoader noJna = new URLClassLoader(new URL[] {core, nativeRoot},
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> noJna.loadClass("com.sun.jna.Native"));
            Class<?> nativeAp = noJna.loadClass(NativeAp.class.getName());

            assertEquals(false, nativeAp.getMethod("isLibraryLoaded").invoke(null));
            assertEquals(false, nativeAp.getMethod("isAvailable").invoke(null));
            Optional<?> cause = (Optional<?>) nativeAp.getMethod("unavailabilityCause").invoke(null);
            Throwable t = (Throwable) cause.orElseThrow();
            assertEquals("LIBRARY_NOT_LOADABLE", t.getClass().getMethod("reason").invoke(t).toString());
            assertTrue(t.getMessage().startsWith("libap4j not loadable on "), t.getMessage());
            assertTrue(t.getMessage().contains(": JNA is not on the class path "
                    + "(java.lang.NoClassDefFoundError: com/sun/jna/"), t.getMessage());
            assertTrue(t.getCause() instanceof NoClassDefFoundError, String.valueOf(t.getCause()));
            // The prefix still names the platform, from the JVM's own properties.
            assertEquals("linux-" + System.getProperty("os.arch"),
                    nativeAp.getMethod("platformPrefix").invoke(null));

            Method shim = nativeAp.getMethod("shim");
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> shim.invoke(null));
            assertEquals(t.getClass(), e.getCause().getClass());
            assertEquals(t.getMessage(), e.getCause().getMessage());
        }
    }

    /**
     * A libap4j.so on {@code jna.library.path} and {@code LD_LIBRARY_PATH} (here: a real shared
     * library without the ap4j symbols, the JDK's own libzip.so) must not be loaded; the child
     * JVM still loads the library from the ap4j-native jar and answers the ABI version. JNA's
     * by-name lookup would take the stale one first. Host JVM only: under qemu-user without
     * binfmt the emulated JVM cannot start another s390x JVM. Class path only: the child JVM
     * is started with the test class path.
     */
    @Test
    @DisabledIf("onModulePath")
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"})
    void aStaleLibap4jOnTheSystemLibraryPathIsNeverLoaded(@TempDir Path dir) throws Exception {
        Path stale = dir.resolve("libap4j.so");
        Files.copy(Path.of(System.getProperty("java.home"), "lib", "libzip.so"), stale);
        String classPath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "-Djna.library.path=" + dir, NativeApProbeMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", dir.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals("loaded abi " + NativeAp.ABI_VERSION, out.strip());
    }
}
