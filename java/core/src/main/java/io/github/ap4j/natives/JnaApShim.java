// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.github.ap4j.BadInputException;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JNA direct mapping of {@code ap4j.h} ({@code static native} + {@link Native#register}); the
 * method names are the C symbols. Only {@link NativeAp} creates it. C types map as
 * {@code int32_t} to {@code int}, {@code int64_t}/{@code uint64_t} to {@code long},
 * {@code uint16_t*} to {@code short[]}, {@code uint64_t*} to {@code long[]}, {@code uint8_t*} to
 * {@code byte[]}; the arrays are caller-owned and copied by JNA. A replay table handle is a
 * {@code long} that never leaves this package ({@link NativeReplay} owns it).
 */
final class JnaApShim implements ApShim, NativeReplay.Backend {

    /** {@code AP4J_FAIL_SLOTS} and {@code AP4J_FAIL_TEXT}. */
    private static final int FAIL_SLOTS = 7;
    private static final int FAIL_TEXT = 256;
    /** {@code AP4J_TAPQ_T}. */
    private static final int TAPQ_T = 1;
    /** {@code AP4J_MAX_REPLAY_BYTES}. */
    static final int MAX_REPLAY_BYTES = 16 * 1024 * 1024;

    private static boolean registered;

    static native int ap4j_abi_version();

    static native int ap4j_tapq(short[] apqns, int count, int flags, int timeoutMs, int[] cc,
            long[] gr1, long[] gr2);

    static native int ap4j_qci(int timeoutMs, byte[] block);

    static native int ap4j_hw_probe(int timeoutMs);

    static native int ap4j_last_failure(int[] info, byte[] text, int textLen);

    static native int ap4j_replay_new(short[] apqns, int[] cc, long[] gr1, long[] gr2, int n,
            byte[] qci, long[] table);

    static native int ap4j_replay_parse(byte[] text, long len, long[] table);

    static native int ap4j_replay_size(long table, int[] n, int[] hasQci);

    static native int ap4j_replay_export(long table, int n, short[] apqns, int[] cc, long[] gr1,
            long[] gr2, byte[] qci);

    static native int ap4j_replay_tapq(long table, short[] apqns, int count, int[] cc, long[] gr1,
            long[] gr2);

    static native int ap4j_replay_qci(long table, byte[] block);

    static native int ap4j_replay_free(long table);

    private final int timeoutMillis;

    private JnaApShim(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
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
    static JnaApShim load(String override, int timeoutMillis) {
        return register(loadLibrary(override), timeoutMillis);
    }

    /** {@code <prefix>/libap4j.so}: this platform's library in the ap4j-native jar. */
    static String libraryResource() {
        return Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName(NativeAp.LIBRARY_NAME);
    }

    /** Libraries opened so far, by override (empty for none): each is extracted once. */
    private static final java.util.Map<String, NativeLibrary> OPENED = new java.util.HashMap<>();

    /**
     * The library chosen by {@link #load(String)}, opened once per override and shared by the
     * natives of this package ({@link DirectoryReader} too); package-private for tests.
     */
    static NativeLibrary loadLibrary(String override) {
        String key = override == null ? "" : override;
        synchronized (OPENED) {
            NativeLibrary lib = OPENED.get(key);
            if (lib == null) {
                lib = openLibrary(key);
                OPENED.put(key, lib);
            }
            return lib;
        }
    }

    private static NativeLibrary openLibrary(String override) {
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
        String resource = libraryResource();
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
    private static synchronized JnaApShim register(NativeLibrary library, int timeoutMillis) {
        if (!registered) {
            Native.register(JnaApShim.class, library);
            registered = true;
        }
        return new JnaApShim(timeoutMillis);
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
        // The shim escapes everything outside printable ASCII, so the text is ASCII.
        return new NativeFailure(NativeError.byCode(code), code, info[1], info[2], info[3],
                info[4], info[5], info[6], new String(text, 0, len, StandardCharsets.US_ASCII));
    }

    private static void check(int rc, String call) {
        if (rc < 0) {
            NativeFailure f = lastFailure();
            if (f.code() != rc) {
                // Cannot happen with a matching library; keep the return code authoritative.
                f = new NativeFailure(NativeError.byCode(rc), rc, 0, 0, 0, 0, 0, 0, "error " + rc);
            }
            throw new NativeCallException(call, f);
        }
    }

    @Override
    public int abiVersion() {
        return ap4j_abi_version();
    }

    @Override
    public List<TapqRecord> tapq(List<Apqn> apqns, boolean tBit) {
        Batch b = new Batch(apqns);
        check(ap4j_tapq(b.apqns, b.n, tBit ? TAPQ_T : 0, timeoutMillis, b.cc, b.gr1, b.gr2), "ap4j_tapq");
        return b.records(apqns);
    }

    @Override
    public ConfigInfo qci() {
        byte[] block = new byte[ConfigInfo.SIZE];
        check(ap4j_qci(timeoutMillis, block), "ap4j_qci");
        return ConfigInfo.of(block);
    }

    @Override
    public void hwProbe() {
        check(ap4j_hw_probe(timeoutMillis), "ap4j_hw_probe");
    }

    @Override
    public NativeReplay replay(ReplayTable table) {
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
        long[] handle = new long[1];
        check(ap4j_replay_new(q, cc, gr1, gr2, n, qci, handle), "ap4j_replay_new");
        return new NativeReplay(this, handle[0], table);
    }

    @Override
    public ReplayTable parseReplay(byte[] text, String source) {
        if (text.length > MAX_REPLAY_BYTES) {
            throw new BadInputException(source, "replay table of " + text.length
                    + " bytes is larger than the limit of " + MAX_REPLAY_BYTES);
        }
        long[] handle = new long[1];
        int rc = ap4j_replay_parse(text, text.length, handle);
        if (rc == NativeError.PARSE.code()) {
            NativeFailure f = lastFailure();
            // "line N: what" from C becomes "source:N: what", as every ap4j input error reads.
            String m = f.message();
            String prefix = "line " + f.line() + ": ";
            throw new BadInputException(source + ":" + f.line(),
                    m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        }
        check(rc, "ap4j_replay_parse");
        try {
            int[] n = new int[1];
            int[] hasQci = new int[1];
            check(ap4j_replay_size(handle[0], n, hasQci), "ap4j_replay_size");
            short[] q = new short[n[0]];
            int[] cc = new int[n[0]];
            long[] gr1 = new long[n[0]];
            long[] gr2 = new long[n[0]];
            byte[] qci = new byte[ConfigInfo.SIZE];
            check(ap4j_replay_export(handle[0], n[0], q, cc, gr1, gr2, qci), "ap4j_replay_export");
            List<TapqRecord> records = new ArrayList<>(n[0]);
            for (int i = 0; i < n[0]; i++) {
                records.add(new TapqRecord(Apqn.ofQid(q[i] & 0xffff), cc[i], gr1[i], gr2[i]));
            }
            return ReplayTable.of(records, hasQci[0] == 1 ? Optional.of(ConfigInfo.of(qci)) : Optional.empty());
        } finally {
            ap4j_replay_free(handle[0]);
        }
    }

    @Override
    public List<TapqRecord> tapq(long handle, List<Apqn> apqns) {
        Batch b = new Batch(apqns);
        check(ap4j_replay_tapq(handle, b.apqns, b.n, b.cc, b.gr1, b.gr2), "ap4j_replay_tapq");
        return b.records(apqns);
    }

    @Override
    public ConfigInfo qci(long handle) {
        byte[] block = new byte[ConfigInfo.SIZE];
        check(ap4j_replay_qci(handle, block), "ap4j_replay_qci");
        return ConfigInfo.of(block);
    }

    @Override
    public void free(long handle) {
        check(ap4j_replay_free(handle), "ap4j_replay_free");
    }

    /** The caller-owned arrays of one TAPQ batch. */
    private static final class Batch {
        final int n;
        final short[] apqns;
        final int[] cc;
        final long[] gr1;
        final long[] gr2;

        Batch(List<Apqn> list) {
            n = list.size();
            apqns = new short[n];
            for (int i = 0; i < n; i++) {
                apqns[i] = (short) list.get(i).qid();
            }
            cc = new int[n];
            gr1 = new long[n];
            gr2 = new long[n];
        }

        List<TapqRecord> records(List<Apqn> list) {
            List<TapqRecord> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new TapqRecord(list.get(i), cc[i], gr1[i], gr2[i]));
            }
            return out;
        }
    }
}
