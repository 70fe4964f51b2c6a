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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class NativeApTest {

    @Test
    void libraryLoadsFromTheClasspathAndAnswersAbiVersionOne() {
        assertTrue(NativeAp.isLibraryLoaded());
        assertEquals(NativeAp.ABI_VERSION, NativeAp.shim().abiVersion());
        assertEquals(1, NativeAp.ABI_VERSION);
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
        shim.replayClear();
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
        shim.replayClear();
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

        NativeLibrary lib = NativeAp.loadLibrary(dir.toString());

        assertEquals(dir.resolve("libap4j.so").toFile().getAbsoluteFile(), lib.getFile());
        assertNotNull(lib.getFunction("ap4j_abi_version"));
        assertEquals(1, lib.getFunction("ap4j_abi_version").invokeInt(new Object[0]));
    }
}
