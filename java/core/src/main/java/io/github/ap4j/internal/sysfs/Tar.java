// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static io.github.ap4j.BadInputException.quote;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.io.InputLimit;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A minimal POSIX ustar reader and writer over GZIP, enough for fixtures: regular files,
 * directories and symbolic links (POSIX.1-1988 {@code ustar} header, also GNU's
 * {@code ././@LongLink} and pax {@code path}/{@code linkpath} records on reading, so an
 * archive made with {@code tar czf} loads too). Written here because the library depends on
 * nothing but JNA.
 *
 * <p>Header layout (512 bytes, numbers in NUL/space-terminated octal): name 0..99, mode
 * 100..107, uid 108..115, gid 116..123, size 124..135, mtime 136..147, chksum 148..155,
 * typeflag 156, linkname 157..256, magic 257..262 {@code "ustar\0"}, version 263..264
 * {@code "00"}, uname 265..296, gname 297..328, devmajor, devminor, prefix 345..499.
 */
final class Tar {

    static final int BLOCK = 512;
    /**
     * Most entries an archive may hold, so a hostile archive cannot exhaust memory. A capture
     * of a large host must still load: 64 adapters x 256 domains already makes about 200,000
     * members (about 12 per queue: attribute files, the {@code driver} link and the
     * {@code bus/ap/devices} link), the full 256 x 256 matrix about 850,000.
     */
    static final int MAX_ENTRIES = 1 << 20;

    private Tar() {
    }

    /** One archive member; {@code data} for files, {@code link} for symlinks. */
    record Entry(String path, SysfsTree.Type type, byte[] data, String link) {
        static Entry file(String path, byte[] data) {
            return new Entry(path, SysfsTree.Type.FILE, data, null);
        }

        static Entry dir(String path) {
            return new Entry(path, SysfsTree.Type.DIR, null, null);
        }

        static Entry symlink(String path, String target) {
            return new Entry(path, SysfsTree.Type.LINK, null, target);
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a gzip-compressed tar. Any corruption (bad gzip data, a bad header checksum, an
     * archive cut short, an unsupported member type) is one {@link BadInputException} naming
     * {@code source}.
     */
    static List<Entry> readGz(InputStream raw, String source) {
        return readGz(raw, source, InputLimit.FIXTURE_UNPACKED);
    }

    /** As {@link #readGz(InputStream, String)}, with the bound on the members' total size. */
    static List<Entry> readGz(InputStream raw, String source, InputLimit unpackedLimit) {
        try (InputStream in = new GZIPInputStream(raw, 65536)) {
            return read(in, source, unpackedLimit);
        } catch (EOFException e) {
            throw new BadInputException(source, "corrupt or truncated .tar.gz: the archive ends early");
        } catch (IOException e) {
            throw new BadInputException(source, "corrupt or truncated .tar.gz: " + e.getMessage());
        }
    }

    private static List<Entry> read(InputStream in, String source, InputLimit limit)
            throws IOException {
        List<Entry> out = new ArrayList<>();
        byte[] h = new byte[BLOCK];
        String longName = null;
        String longLink = null;
        long unpacked = 0;
        while (true) {
            if (!readBlock(in, h)) {
                throw new BadInputException(source,
                        "corrupt or truncated .tar.gz: no end-of-archive block");
            }
            if (isZero(h)) {
                return out; // end of archive (one zero block is enough to stop)
            }
            checkHeader(h, source, out.size());
            char type = (char) h[156];
            long size = octal(h, 124, 12, source, "size");
            if (size > SysfsTree.MAX_FILE_SIZE) {
                throw new BadInputException(source, "member " + quote(name(h)) + " is "
                        + size + " bytes, more than any sysfs attribute");
            }
            // Each member is small, but 30,000 of 60 KiB are 1.8 GB: the sum is bounded too,
            // before the member is read.
            unpacked += size;
            if (unpacked > limit.maxBytes()) {
                throw new BadInputException(source, "members unpack to more than the "
                        + limit.size() + " allowed for " + limit.what() + " (at member "
                        + (out.size() + 1) + " " + quote(name(h)) + ")");
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length != size) {
                throw new EOFException();
            }
            int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
            if (in.readNBytes(pad).length != pad) {
                throw new EOFException();
            }
            switch (type) {
                case 'L':
                    longName = cString(data, 0, data.length);
                    continue;
                case 'K':
                    longLink = cString(data, 0, data.length);
                    continue;
                case 'x': {
                    String[] pl = pax(data, source);
                    longName = pl[0] != null ? pl[0] : longName;
                    longLink = pl[1] != null ? pl[1] : longLink;
                    continue;
                }
                case 'g':
                    continue; // global pax header: nothing we use
                default:
                    break;
            }
            String name = longName != null ? longName : name(h);
            String link = longLink != null ? longLink : cString(h, 157, 100);
            longName = null;
            longLink = null;
            String path = normalise(name, source);
            if (out.size() >= MAX_ENTRIES) {
                throw new BadInputException(source, "more than " + MAX_ENTRIES + " members");
            }
            switch (type) {
                case '0':
                case '\0':
                case '7':
                    out.add(Entry.file(path, data));
                    break;
                case '5':
                    if (!path.isEmpty()) {
                        out.add(Entry.dir(path));
                    }
                    break;
                case '2':
                    out.add(Entry.symlink(path, link));
                    break;
                default:
                    throw new BadInputException(source, "member " + quote(name)
                            + " has unsupported tar type " + quote(String.valueOf(type))
                            + " (only files, directories and symlinks)");
            }
        }
    }

    private static boolean readBlock(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n != BLOCK) {
            throw new EOFException();
        }
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkHeader(byte[] h, String source, int index) {
        String magic = new String(h, 257, 5, StandardCharsets.ISO_8859_1);
        if (!magic.equals("ustar")) {
            throw new BadInputException(source, "corrupt .tar.gz: member " + (index + 1)
                    + " has no ustar header (magic " + quote(cString(h, 257, 6)) + ")");
        }
        long stored = octal(h, 148, 8, source, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = (i >= 148 && i < 156) ? ' ' : h[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        if (stored != unsigned && stored != signed) {
            throw new BadInputException(source, "corrupt .tar.gz: header checksum mismatch in member "
                    + (index + 1) + " " + quote(name(h)));
        }
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        String prefix = cString(h, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static long octal(byte[] h, int off, int len, String source, String field) {
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && h[i] == ' ') {
            i++;
        }
        int digits = 0;
        for (; i < end && h[i] >= '0' && h[i] <= '7'; i++, digits++) {
            v = (v << 3) | (h[i] - '0');
        }
        for (; i < end; i++) {
            if (h[i] != 0 && h[i] != ' ') {
                digits = 0;
                break;
            }
        }
        if (digits == 0) {
            throw new BadInputException(source, "corrupt .tar.gz: bad octal " + field + " "
                    + quote(cString(h, off, len)) + " in header " + quote(name(h)));
        }
        return v;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** Pax records {@code "<len> key=value\n"}: returns {path, linkpath}. */
    private static String[] pax(byte[] data, String source) {
        String[] out = new String[2];
        String s = new String(data, StandardCharsets.UTF_8);
        int i = 0;
        while (i < s.length()) {
            int sp = s.indexOf(' ', i);
            int eq = sp < 0 ? -1 : s.indexOf('=', sp);
            int nl = eq < 0 ? -1 : s.indexOf('\n', eq);
            if (nl < 0) {
                throw new BadInputException(source, "corrupt .tar.gz: bad pax header record");
            }
            String key = s.substring(sp + 1, eq);
            String value = s.substring(eq + 1, nl);
            if (key.equals("path")) {
                out[0] = value;
            } else if (key.equals("linkpath")) {
                out[1] = value;
            }
            i = nl + 1;
        }
        return out;
    }

    /** Strips {@code ./} and trailing slashes; rejects absolute names and {@code ..}. */
    static String normalise(String name, String source) {
        List<String> parts = AbstractSysfsTree.components(name);
        if (name.startsWith("/") || parts.contains("..")) {
            throw new BadInputException(source, "member name leaves the archive root: " + quote(name));
        }
        return AbstractSysfsTree.join(parts);
    }

    // ------------------------------------------------------------------ writing

    /** Writes the entries as a gzip-compressed ustar archive with fixed owner and time. */
    static void writeGz(OutputStream raw, List<Entry> entries, long mtimeSeconds) throws IOException {
        GZIPOutputStream out = new GZIPOutputStream(raw, 65536);
        for (Entry e : entries) {
            byte[] data = e.type() == SysfsTree.Type.FILE ? e.data() : new byte[0];
            out.write(header(e, data.length, mtimeSeconds));
            out.write(data);
            int pad = (BLOCK - data.length % BLOCK) % BLOCK;
            out.write(new byte[pad]);
        }
        out.write(new byte[2 * BLOCK]); // end of archive: two zero blocks
        out.finish();
        out.flush();
    }

    private static byte[] header(Entry e, int size, long mtime) {
        byte[] h = new byte[BLOCK];
        String path = e.type() == SysfsTree.Type.DIR ? e.path() + "/" : e.path();
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length <= 100) {
            System.arraycopy(p, 0, h, 0, p.length);
        } else {
            int cut = path.lastIndexOf('/', 155);
            byte[] prefix = path.substring(0, Math.max(cut, 0)).getBytes(StandardCharsets.UTF_8);
            byte[] name = path.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
            if (cut <= 0 || prefix.length > 155 || name.length > 100) {
                throw new IllegalArgumentException("path too long for ustar: " + path);
            }
            System.arraycopy(name, 0, h, 0, name.length);
            System.arraycopy(prefix, 0, h, 345, prefix.length);
        }
        int mode;
        char type;
        switch (e.type()) {
            case DIR: mode = 0755; type = '5'; break;
            case LINK: mode = 0777; type = '2'; break;
            default: mode = 0444; type = '0'; break;
        }
        putOctal(h, 100, 8, mode);
        putOctal(h, 108, 8, 0);
        putOctal(h, 116, 8, 0);
        putOctal(h, 124, 12, size);
        putOctal(h, 136, 12, mtime);
        h[156] = (byte) type;
        if (e.type() == SysfsTree.Type.LINK) {
            byte[] l = e.link().getBytes(StandardCharsets.UTF_8);
            if (l.length > 100) {
                throw new IllegalArgumentException("link target too long for ustar: " + e.link());
            }
            System.arraycopy(l, 0, h, 157, l.length);
        }
        System.arraycopy("ustar\0".getBytes(StandardCharsets.ISO_8859_1), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        System.arraycopy("root".getBytes(StandardCharsets.ISO_8859_1), 0, h, 265, 4);
        System.arraycopy("root".getBytes(StandardCharsets.ISO_8859_1), 0, h, 297, 4);
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        // chksum: six octal digits, NUL, space (the traditional form)
        String cs = String.format("%06o", sum);
        System.arraycopy(cs.getBytes(StandardCharsets.ISO_8859_1), 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void putOctal(byte[] h, int off, int len, long v) {
        String s = String.format("%0" + (len - 1) + "o", v);
        if (s.length() > len - 1) {
            throw new IllegalArgumentException("value too large for tar field: " + v);
        }
        System.arraycopy(s.getBytes(StandardCharsets.ISO_8859_1), 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }
}
