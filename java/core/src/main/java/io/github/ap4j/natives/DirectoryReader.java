// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads the named entries of one directory with one native call, {@code ap4j_read_dir} in
 * libap4j: one listing (whose entry types need no stat), then one {@code openat},
 * {@code read} and {@code close} per regular file and one {@code readlinkat} per link, all
 * relative to the directory. ap4j's sysfs reader uses it for device directories, where it
 * replaces a dozen Java file channels per queue (docs/native.md, "Reading a directory").
 *
 * <p>It only ever saves work: an entry that is neither a regular file nor a link, or whose
 * call failed, is answered {@link Kind#ASK}, and the caller reads it its own careful way. The
 * call never follows a link and never waits: files are opened with {@code O_NOFOLLOW} and
 * {@code O_NONBLOCK}. Thread-safe: each thread has its own buffers.
 */
public final class DirectoryReader {

    /** {@code AP4J_READ_DIR_MAX_NAMES}. */
    public static final int MAX_NAMES = 32;

    /** What the call found for a name ({@code AP4J_ENTRY_*}). */
    public enum Kind {
        /** Not in the directory's listing. */
        ABSENT,
        /** A regular file, read. */
        FILE,
        /** A symbolic link, its target text read (not followed). */
        LINK,
        /** Anything else, or a call that failed: the caller looks for itself. */
        ASK
    }

    private static final Kind[] KINDS = Kind.values();

    /**
     * Room for every entry: one file of the largest size asked for (its read asks for one byte
     * more) and then 64 KiB for all the others, far more than a device directory holds.
     */
    private static final int ROOM = 2 * 64 * 1024 + 1;

    /**
     * One buffer per calling thread for the call's file contents and link targets: direct, so
     * JNA hands the call its address and copies nothing; what was used is copied out.
     */
    private static final ThreadLocal<ByteBuffer> OUT =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(ROOM));

    private static volatile Optional<DirectoryReader> instance;

    static native int ap4j_read_dir(String dir, byte[] names, int namesLen, int count,
            int maxFile, ByteBuffer out, int outLen, int[] kinds, int[] offsets, int[] lengths);

    static native int ap4j_list_dir(String dir, ByteBuffer out, int outLen, int[] count);

    /** {@code AP4J_E_SIZE}: the listing did not fit. */
    private static final int E_SIZE = NativeError.SIZE.code();

    /** First and largest buffer for a listing: 1 MiB holds 16,448 device links; 64 MiB. */
    private static final int LIST_FIRST = 1 << 20;
    private static final int LIST_MAX = 64 << 20;

    private DirectoryReader() {
    }

    /**
     * The reader, when libap4j loads here and is not disabled
     * ({@code -Dap4j.native.disable=true}); loaded on the first call, which costs a few tens of
     * milliseconds, so callers ask only when they have many directories to read.
     *
     * @return the reader, or empty without a usable libap4j
     */
    public static Optional<DirectoryReader> get() {
        Optional<DirectoryReader> r = instance;
        if (r == null) {
            synchronized (DirectoryReader.class) {
                r = instance;
                if (r == null) {
                    r = load();
                    instance = r;
                }
            }
        }
        return r;
    }

    private static Optional<DirectoryReader> load() {
        if (Boolean.getBoolean(NativeAp.DISABLE_PROPERTY)) {
            return Optional.empty();
        }
        try {
            Native.register(DirectoryReader.class,
                    JnaApShim.loadLibrary(System.getProperty(NativeAp.LIBRARY_PATH_PROPERTY)));
            return Optional.of(new DirectoryReader());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty(); // no library, or one without ap4j_read_dir: read in Java
        }
    }

    /** The names one call looks for, encoded once. */
    public static final class Names {
        private final List<String> list;
        private final byte[] encoded;

        private Names(List<String> list, byte[] encoded) {
            this.list = list;
            this.encoded = encoded;
        }

        /**
         * @param names 1 to {@value #MAX_NAMES} plain file names (ASCII, no {@code /}, not
         *              {@code .} or {@code ..})
         * @return the names, ready for {@link #read}
         */
        public static Names of(List<String> names) {
            if (names.isEmpty() || names.size() > MAX_NAMES) {
                throw new IllegalArgumentException("1 to " + MAX_NAMES + " names: " + names);
            }
            StringBuilder b = new StringBuilder();
            for (String n : names) {
                if (n.isEmpty() || n.equals(".") || n.equals("..") || n.indexOf('/') >= 0
                        || n.indexOf('\0') >= 0
                        || !StandardCharsets.US_ASCII.newEncoder().canEncode(n)) {
                    throw new IllegalArgumentException("not a plain ASCII file name: " + n);
                }
                b.append(n).append('\0');
            }
            return new Names(List.copyOf(names), b.toString().getBytes(StandardCharsets.US_ASCII));
        }

        /** {@return the names, in the order given} */
        public List<String> list() {
            return list;
        }
    }

    /**
     * What one call found: for name {@code i} of the {@link Names}, its {@link #kind} and, for
     * a file or a link, its bytes ({@link #text}).
     */
    public static final class Entries {
        private final byte[] data;
        /** The call's {@code AP4J_ENTRY_*} codes, offsets and lengths, as it wrote them. */
        private final int[] kinds;
        private final int[] offsets;
        private final int[] lengths;

        Entries(byte[] data, int[] kinds, int[] offsets, int[] lengths) {
            this.data = data;
            this.kinds = kinds;
            this.offsets = offsets;
            this.lengths = lengths;
        }

        /**
         * @param i a name's index in the {@link Names}
         * @return what that name is
         */
        public Kind kind(int i) {
            return KINDS[kinds[i]];
        }

        /**
         * @param i a name's index in the {@link Names}
         * @return the length of that entry: a file's size, a link target's length
         */
        public int length(int i) {
            return lengths[i];
        }

        /**
         * @param i a name's index in the {@link Names}
         * @return that entry's bytes as ISO-8859-1 text, one char per byte
         */
        public String text(int i) {
            return new String(data, offsets[i], lengths[i], StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Reads {@code names} in the directory {@code dir}.
     *
     * @param dir     the directory's path, absolute or relative to the working directory
     * @param names   the entries to look for
     * @param maxFile the largest file size wanted: a file is read with one read of
     *                {@code maxFile + 1} bytes, so a larger one reads as longer than this
     * @return what was found, or empty when the directory cannot be opened or listed (absent,
     *         a link, not a directory, no permission): the caller then looks for itself
     */
    public Optional<Entries> read(String dir, Names names, int maxFile) {
        ByteBuffer out = OUT.get();
        int n = names.list.size();
        int[] kinds = new int[n];
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        int rc = ap4j_read_dir(dir, names.encoded, names.encoded.length, n, maxFile, out, ROOM,
                kinds, offsets, lengths);
        if (rc != 0) {
            return Optional.empty();
        }
        int used = 0;
        for (int i = 0; i < n; i++) {
            used = Math.max(used, offsets[i] + lengths[i]); // 0 and 0 for ABSENT and ASK
        }
        byte[] data = new byte[used];
        out.get(0, data);
        return Optional.of(new Entries(data, kinds, offsets, lengths));
    }

    /**
     * One entry of a directory as {@link #list} found it: a regular file, a link with its
     * target text, or {@link Kind#ASK} for anything else (a directory, a FIFO, a link whose
     * target could not be read).
     *
     * @param name   the entry's name
     * @param kind   {@link Kind#FILE}, {@link Kind#LINK} or {@link Kind#ASK}
     * @param target a link's target text; empty for the other kinds
     */
    public record Listed(String name, Kind kind, String target) {
    }

    /**
     * Lists the directory {@code dir} with the target of each link in it, in one call: the
     * listing and one {@code readlinkat} per link, relative to the directory.
     *
     * @param dir the directory's path, absolute or relative to the working directory
     * @return its entries but {@code .} and {@code ..}, in the order of the listing; empty
     *         when it cannot be opened or listed, its listing is larger than 64 MiB, or a
     *         name or target is not ASCII (whose decoding is the file system's, not this call's)
     */
    public Optional<List<Listed>> list(String dir) {
        for (int size = LIST_FIRST; size <= LIST_MAX; size *= 4) {
            ByteBuffer out = ByteBuffer.allocateDirect(size);
            int[] count = new int[1];
            int rc = ap4j_list_dir(dir, out, size, count);
            if (rc == E_SIZE) {
                continue;
            }
            if (rc != 0) {
                return Optional.empty();
            }
            // One copy out of the direct buffer, then plain array reads: through
            // ByteBuffer.get(int), a call per byte, decoding the 16,384 entries of a large
            // bus/ap/devices took 10-14 ms on a cold JVM, from the array 6-9 ms.
            byte[] b = new byte[size];
            out.get(0, b);
            List<Listed> entries = new java.util.ArrayList<>(count[0]);
            int at = 0;
            for (int i = 0; i < count[0]; i++) {
                Kind kind = KINDS[b[at]];
                int nameEnd = nul(b, at + 1);
                String name = ascii(b, at + 1, nameEnd);
                at = nameEnd + 1;
                String target = "";
                if (kind == Kind.LINK) {
                    int targetEnd = nul(b, at);
                    target = ascii(b, at, targetEnd);
                    at = targetEnd + 1;
                }
                if (name == null || target == null) {
                    return Optional.empty(); // the caller's own listing decodes such names
                }
                entries.add(new Listed(name, kind, target));
            }
            return Optional.of(entries);
        }
        return Optional.empty();
    }

    private static int nul(byte[] b, int from) {
        int i = from;
        while (b[i] != 0) {
            i++;
        }
        return i;
    }

    /** Bytes {@code from..to} as text, or null when one is not ASCII. */
    private static String ascii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return null;
            }
        }
        return new String(b, from, to - from, StandardCharsets.US_ASCII);
    }
}
