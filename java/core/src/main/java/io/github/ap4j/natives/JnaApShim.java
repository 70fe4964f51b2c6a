package io.github.ap4j.natives;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JNA direct mapping of {@code ap4j.h} ({@code static native} + {@link Native#register}); the
 * method names are the C symbols. Only {@link NativeAp} creates it. C types map as
 * {@code int32_t} to {@code int}, {@code uint16_t*} to {@code short[]}, {@code uint64_t*} to
 * {@code long[]}, {@code uint8_t*} to {@code byte[]}; the arrays are caller-owned and copied by JNA.
 */
final class JnaApShim implements ApShim {

    /** {@code AP4J_FAIL_SLOTS} and the size of the text buffer for {@code ap4j_last_failure}. */
    private static final int FAIL_SLOTS = 6;
    private static final int FAIL_TEXT = 160;

    private static boolean registered;

    static native int ap4j_abi_version();

    static native int ap4j_tapq(short[] apqns, int count, int[] cc, long[] gr1, long[] gr2);

    static native int ap4j_qci(byte[] block);

    static native int ap4j_hw_probe();

    static native int ap4j_last_failure(int[] info, byte[] text, int textLen);

    static native int ap4j_replay_load(short[] apqns, int[] cc, long[] gr1, long[] gr2, int n,
            byte[] qci);

    static native int ap4j_replay_load_file(String path);

    static native int ap4j_replay_clear();

    static native int ap4j_replay_active();

    private JnaApShim() {
    }

    /** JNA's resource prefix for this platform ({@code linux-x86-64}, {@code linux-s390x}). */
    static String platformPrefix() {
        return Platform.RESOURCE_PREFIX;
    }

    /**
     * Loads libap4j and binds the natives. Without an override, only the library that travels
     * with this class is used: {@code <prefix>/libap4j.so} from this class's own class loader
     * (the ap4j-native jar). JNA's by-name lookup is never used, because it searches
     * {@code jna.library.path} and the system library path first and would silently take a stale
     * libap4j.so installed there (JNA {@code NativeLibrary.loadLibrary} search order).
     *
     * @param override a library file, or a directory holding libap4j.so; null or empty for none
     */
    static JnaApShim load(String override) {
        return register(loadLibrary(override));
    }

    /** The library chosen by {@link #load(String)}; package-private for tests. */
    static NativeLibrary loadLibrary(String override) {
        if (override != null && !override.isEmpty()) {
            File f = new File(override);
            if (f.isDirectory()) {
                f = new File(f, System.mapLibraryName(NativeAp.LIBRARY_NAME));
            }
            if (!f.isFile()) {
                throw new UnsatisfiedLinkError("-D" + NativeAp.LIBRARY_PATH_PROPERTY + "=" + override
                        + ": no such library file " + f);
            }
            return NativeLibrary.getInstance(f.getAbsolutePath());
        }
        String resource = Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName(NativeAp.LIBRARY_NAME);
        ClassLoader loader = JnaApShim.class.getClassLoader();
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new UnsatisfiedLinkError("no " + resource + " on the class path (the ap4j-native "
                    + "jar carries linux-x86-64 and linux-s390x only)");
        }
        File file;
        try {
            // A file: URL (a build directory) is used in place; a jar entry is copied to a
            // temporary file first, because dlopen() needs a path.
            file = Native.extractFromResourcePath("/" + resource, loader);
        } catch (IOException e) {
            UnsatisfiedLinkError u = new UnsatisfiedLinkError("cannot extract " + url + ": " + e.getMessage());
            u.initCause(e);
            throw u;
        }
        try {
            return NativeLibrary.getInstance(file.getAbsolutePath());
        } finally {
            if (!"file".equals(url.getProtocol())) {
                // Mapped now; the copy is not needed any more (Linux keeps the mapping).
                file.delete();
            }
        }
    }

    /** Binds the natives to {@code library}, once per class loader. */
    private static synchronized JnaApShim register(NativeLibrary library) {
        if (!registered) {
            Native.register(JnaApShim.class, library);
            registered = true;
        }
        return new JnaApShim();
    }

    /** The calling thread's last failure ({@code ap4j_last_failure}, thread-local in C). */
    static NativeFailure lastFailure() {
        int[] info = new int[FAIL_SLOTS];
        byte[] text = new byte[FAIL_TEXT];
        int code = ap4j_last_failure(info, text, text.length);
        int len = 0;
        while (len < text.length && text[len] != 0) {
            len++;
        }
        return new NativeFailure(NativeError.byCode(code), code, info[1], info[2], info[3],
                info[4], info[5], new String(text, 0, len, StandardCharsets.UTF_8));
    }

    private static void check(int rc, String call) {
        if (rc < 0) {
            NativeFailure f = lastFailure();
            if (f.code() != rc) {
                // Cannot happen with a matching library; keep the return code authoritative.
                f = new NativeFailure(NativeError.byCode(rc), rc, 0, 0, 0, 0, 0, "error " + rc);
            }
            throw new NativeCallException(call, f);
        }
    }

    @Override
    public int abiVersion() {
        return ap4j_abi_version();
    }

    @Override
    public List<TapqRecord> tapq(List<Apqn> apqns) {
        int n = apqns.size();
        short[] q = new short[n];
        for (int i = 0; i < n; i++) {
            q[i] = (short) apqns.get(i).qid();
        }
        int[] cc = new int[n];
        long[] gr1 = new long[n];
        long[] gr2 = new long[n];
        check(ap4j_tapq(q, n, cc, gr1, gr2), "ap4j_tapq");
        List<TapqRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new TapqRecord(apqns.get(i), cc[i], gr1[i], gr2[i]));
        }
        return out;
    }

    @Override
    public ConfigInfo qci() {
        byte[] block = new byte[ConfigInfo.SIZE];
        check(ap4j_qci(block), "ap4j_qci");
        return ConfigInfo.of(block);
    }

    @Override
    public void hwProbe() {
        check(ap4j_hw_probe(), "ap4j_hw_probe");
    }

    @Override
    public void replayLoad(ReplayTable table) {
        List<TapqRecord> rows = table.records();
        int n = rows.size();
        short[] q = new short[n];
        int[] cc = new int[n];
        long[] gr1 = new long[n];
        long[] gr2 = new long[n];
        for (int i = 0; i < n; i++) {
            TapqRecord r = rows.get(i);
            q[i] = (short) r.apqn().qid();
            cc[i] = r.conditionCode();
            gr1[i] = r.gr1();
            gr2[i] = r.gr2();
        }
        byte[] qci = table.qci().map(ConfigInfo::toBytes).orElse(null);
        check(ap4j_replay_load(q, cc, gr1, gr2, n, qci), "ap4j_replay_load");
    }

    @Override
    public void replayLoadFile(Path file) {
        check(ap4j_replay_load_file(file.toString()), "ap4j_replay_load_file(" + file + ")");
    }

    @Override
    public void replayClear() {
        check(ap4j_replay_clear(), "ap4j_replay_clear");
    }

    @Override
    public boolean replayActive() {
        return ap4j_replay_active() == 1;
    }
}
