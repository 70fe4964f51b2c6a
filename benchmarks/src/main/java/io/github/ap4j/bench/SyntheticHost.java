// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.natives.ReplayTable;
import io.github.ap4j.natives.TapqRecord;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Mkvp;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A generated host for the benchmarks: adapters {@code 0..A-1}, each with domains
 * {@code 0..D-1}, cards cycling through CEX8 CCA, CEX8 CCA, CEX8 EP11 and CEX8 accelerator;
 * one vfio_ap mdev ({@link #UUID}) holding adapters {@code 0..GA-1} x domains {@code 0..GD-1},
 * whose queues are bound to {@code vfio_ap}; every other queue is on {@code cex4queue}.
 *
 * <p>The same description gives an in-memory {@link HostSnapshot} ({@link #snapshot()}) and a
 * sysfs tree on disk in the kernel's formats and layout ({@link #writeSysfs(Path)}: real
 * directories under {@code devices/}, the relative {@code bus/ap/devices} and {@code driver}
 * links, {@code matrix}/{@code guest_matrix} cut at a page as sysfs does). Nothing here depends
 * on the host: the tree is written with {@link Files} only, so it works on the emulated s390x
 * JVM too.
 */
public final class SyntheticHost {

    /** The guest's mdev, on the source and (created beforehand) on the target. */
    public static final String UUID = "6a0f5c1e-8d2b-4c3a-9e7f-1b2c3d4e5f60";

    /** What sysfs returns of an over-long show: PAGE_SIZE - 1 bytes, no final newline. */
    static final int PAGE_CUT = 4095;

    /**
     * Card kinds: type suffix, card/queue {@code ap_functions} (BS 00, lszcrypt letters); the
     * same words as the shipped example hosts ({@code java/cli/src/main/resources/examples}).
     */
    enum Kind {
        /** {@code S--D--N-F-}. */
        CCA("C", 0x92800000),
        /** {@code S----XN-F-}. */
        EP11("P", 0x86800000),
        /** {@code -MC-A-N-F-}. */
        ACCEL("A", 0x6A800000);

        final String suffix;
        final int functions;

        Kind(String suffix, int functions) {
            this.suffix = suffix;
            this.functions = functions;
        }
    }

    static final int CEX8 = 14;
    static final int CEX7 = 13;
    /** {@code nd}: domains per CEX8 adapter. */
    static final int ND = 85;

    private final int adapters;
    private final int domains;
    private final int guestAdapters;
    private final int guestDomains;
    private final boolean guestRunning;
    private final int olderCardAdapter;

    private SyntheticHost(int adapters, int domains, int guestAdapters, int guestDomains,
            boolean guestRunning, int olderCardAdapter) {
        if (adapters < 1 || adapters > 256 || domains < 1 || domains > 256
                || guestAdapters > adapters || guestDomains > domains) {
            throw new IllegalArgumentException("bad host shape " + adapters + "x" + domains
                    + ", guest " + guestAdapters + "x" + guestDomains);
        }
        this.adapters = adapters;
        this.domains = domains;
        this.guestAdapters = guestAdapters;
        this.guestDomains = guestDomains;
        this.guestRunning = guestRunning;
        this.olderCardAdapter = olderCardAdapter;
    }

    /** A source host running the guest (queue {@code status} "in use"). */
    public static SyntheticHost source(int adapters, int domains, int guestAdapters, int guestDomains) {
        return new SyntheticHost(adapters, domains, guestAdapters, guestDomains, true, -1);
    }

    /** A compatible destination: same cards, the mdev created, queues "assigned". */
    public static SyntheticHost target(int adapters, int domains, int guestAdapters, int guestDomains) {
        return new SyntheticHost(adapters, domains, guestAdapters, guestDomains, false, -1);
    }

    /**
     * An incompatible destination: as {@link #target}, but the guest's last adapter is an older
     * CEX7 card (raw type 13 below the source's 14), so every queue of it fails the hwinfo
     * comparison and the check builds one finding and one kernel line per such queue.
     */
    public static SyntheticHost olderCardTarget(int adapters, int domains, int guestAdapters,
            int guestDomains) {
        return new SyntheticHost(adapters, domains, guestAdapters, guestDomains, false,
                guestAdapters - 1);
    }

    public int queueCount() {
        return adapters * domains;
    }

    public int guestApqnCount() {
        return guestAdapters * guestDomains;
    }

    public ApMatrix guestMatrix() {
        return guestAdapters == 0 || guestDomains == 0 ? ApMatrix.EMPTY
                : new ApMatrix(ApMask.range(0, guestAdapters - 1), ApMask.range(0, guestDomains - 1));
    }

    static Kind kind(int adapter) {
        switch (adapter & 3) {
            case 2: return Kind.EP11;
            case 3: return Kind.ACCEL;
            default: return Kind.CCA;
        }
    }

    int rawType(int adapter) {
        return adapter == olderCardAdapter ? CEX7 : CEX8;
    }

    boolean inGuest(int adapter, int domain) {
        return adapter < guestAdapters && domain < guestDomains;
    }

    /**
     * The TAPQ GR2 word a queue answers with: functions, raw type, nd, ml and qd
     * (docs/bit-layouts.md), e.g. {@code 0x928000000E550007} for a CEX8 CCA queue.
     */
    public long gr2(int adapter, int domain) {
        return ((kind(adapter).functions & 0xFFFFFFFFL) << 32) | ((long) rawType(adapter) << 24)
                | ((long) ND << 16) | 7L;
    }

    /** Adapters of the guest are reserved for vfio_ap: cleared in {@code apmask}. */
    ApMask apmask() {
        return guestAdapters == 0 ? ApMask.FULL : ApMask.range(0, guestAdapters - 1).complement();
    }

    String apConfig() {
        ApMatrix m = guestMatrix();
        return m.adapters() + "," + m.domains() + "," + m.domains();
    }

    /** GR1 of every queue: response code 0, queue empty, interrupts enabled. */
    public static final long GR1 = 0x81000000L;

    /**
     * What PQAP would answer on this host, as a replay table for the native shim: one
     * {@code tapq} record per queue (condition code 0, {@link #GR1}, {@link #gr2}) and the QCI
     * block (APSC APXA QACT RC8A, the adapter, usage and control domain masks).
     */
    public ReplayTable replayTable() {
        List<TapqRecord> records = new ArrayList<>(adapters * domains);
        for (int ai = 0; ai < adapters; ai++) {
            for (int di = 0; di < domains; di++) {
                records.add(new TapqRecord(Apqn.of(ai, di), 0, GR1, gr2(ai, di)));
            }
        }
        ApMask d = ApMask.range(0, domains - 1);
        ConfigInfo qci = ConfigInfo.of(ConfigInfo.FLAG_APSC | ConfigInfo.FLAG_APXA
                | ConfigInfo.FLAG_QACT | ConfigInfo.FLAG_RC8A, 255, 255,
                ApMask.range(0, adapters - 1), d, d);
        return ReplayTable.of(records, Optional.of(qci));
    }

    // ------------------------------------------------------------------ in-memory snapshot

    /** The host as an in-memory snapshot, as a sysfs read of {@link #writeSysfs} would give. */
    public HostSnapshot snapshot() {
        ApMask a = ApMask.range(0, adapters - 1);
        ApMask d = ApMask.range(0, domains - 1);
        BusAttributes bus = new BusAttributes(Attr.of(List.of("APSC", "APXA", "QACT", "RC8A")),
                Attr.of(a), Attr.of(d), Attr.of(d), Attr.of(apmask()), Attr.of(ApMask.FULL),
                Attr.of(0), Attr.of(255), Attr.of(255));
        List<ApCard> cards = new ArrayList<>(adapters);
        List<ApQueue> queues = new ArrayList<>(adapters * domains);
        for (int ai = 0; ai < adapters; ai++) {
            Kind k = kind(ai);
            cards.add(ApCard.builder(ai).type(Attr.of("CEX" + (rawType(ai) - 6) + k.suffix))
                    .hwtype(Attr.of(rawType(ai))).rawHwtype(Attr.of(rawType(ai)))
                    .functions(Attr.of(k.functions)).depth(Attr.of(8)).config(Attr.of(true))
                    .chkstop(Attr.of(false)).online(Attr.of(true)).driver(Attr.of("cex4card"))
                    .requestCount(Attr.of(0L)).requestqCount(Attr.of(0)).pendingqCount(Attr.of(0))
                    .maxMsgSize(Attr.of(12288)).build());
            for (int di = 0; di < domains; di++) {
                boolean vfio = inGuest(ai, di);
                queues.add(ApQueue.builder(Apqn.of(ai, di)).functions(Attr.of(k.functions))
                        .config(Attr.of(true)).chkstop(Attr.of(false))
                        .online(vfio ? Attr.missing() : Attr.of(true))
                        .vfioStatus(vfio ? Attr.of(guestRunning ? "in use" : "assigned")
                                : Attr.missing())
                        .driver(Attr.of(vfio ? "vfio_ap" : "cex4queue"))
                        .requestCount(vfio ? Attr.notSupported() : Attr.of(0L))
                        .requestqCount(Attr.of(0)).pendingqCount(Attr.of(0))
                        .seBind(Attr.missing()).seAssociate(Attr.missing())
                        .mkvps(vfio || k == Kind.ACCEL ? Attr.missing() : Attr.of(mkvps(k, ai, di)))
                        .build());
            }
        }
        List<Mdev> mdevs = new ArrayList<>();
        if (guestAdapters > 0 && guestDomains > 0) {
            ApMatrix m = guestMatrix();
            mdevs.add(new Mdev(UUID, Attr.of(m), Attr.of(m), Attr.of(m.domains()), Attr.of(apConfig())));
        }
        VfioApMatrix vm = new VfioApMatrix(
                Attr.of(List.of("guest_matrix", "hotplug", "ap_config", "migratable")), mdevs);
        return new HostSnapshot(new Provenance(SourceKind.SYSFS, "synthetic", Instant.EPOCH), bus,
                cards, queues, Attr.of(vm));
    }

    private static List<Mkvp> mkvps(Kind k, int adapter, int domain) {
        String pattern = pattern(adapter, domain, k == Kind.EP11 ? 32 : 8);
        String type = k == Kind.EP11 ? "WK" : "AES";
        return List.of(new Mkvp(type, "NEW", Attr.of("empty"), Attr.notSupported()),
                new Mkvp(type, "CUR", Attr.of("valid"), Attr.of(pattern)),
                new Mkvp(type, "OLD", Attr.of("empty"), Attr.notSupported()));
    }

    /** A master-key verification pattern: the same on every host for one domain. */
    private static String pattern(int adapter, int domain, int bytes) {
        StringBuilder sb = new StringBuilder(2 + 2 * bytes).append("0x");
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", (domain * 7 + i * 13 + (adapter & 1)) & 0xff));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ sysfs tree

    /**
     * Writes the host as a sysfs tree under {@code root}, formats as the kernel prints them
     * (docs/sysfs-formats.md): masks {@code "0x%016lx%016lx%016lx%016lx\n"}, {@code ap_functions}
     * {@code "0x%08X\n"}, numbers {@code "%d\n"}, matrix lines {@code "%02lx.%04lx\n"}.
     *
     * @return the number of regular files written
     */
    public int writeSysfs(Path root) {
        Writer w = new Writer(root);
        String bus = "bus/ap/";
        w.file(bus + "ap_adapter_mask", ApMask.range(0, adapters - 1) + "\n");
        w.file(bus + "ap_usage_domain_mask", ApMask.range(0, domains - 1) + "\n");
        w.file(bus + "ap_control_domain_mask", ApMask.range(0, domains - 1) + "\n");
        w.file(bus + "apmask", apmask() + "\n");
        w.file(bus + "aqmask", ApMask.FULL + "\n");
        w.file(bus + "ap_domain", "0\n");
        w.file(bus + "ap_max_adapter_id", "255\n");
        w.file(bus + "ap_max_domain_id", "255\n");
        w.file(bus + "features", "APSC APXA QACT RC8A\n");
        w.file(bus + "scans", "12\n");
        w.file(bus + "bindings", (adapters * domains + adapters) + "/"
                + (adapters * domains + adapters) + " (complete)\n");
        w.file(bus + "config_time", "30\n");
        w.file(bus + "poll_thread", "0\n");
        w.dir(bus + "devices");
        for (String drv : List.of("cex4card", "cex4queue", "vfio_ap")) {
            w.dir(bus + "drivers/" + drv);
        }
        w.file("devices/ap/uevent", "");
        for (int ai = 0; ai < adapters; ai++) {
            Kind k = kind(ai);
            String card = String.format("card%02x", ai);
            String cd = "devices/ap/" + card + "/";
            w.file(cd + "type", "CEX" + (rawType(ai) - 6) + k.suffix + "\n");
            w.file(cd + "hwtype", rawType(ai) + "\n");
            w.file(cd + "raw_hwtype", rawType(ai) + "\n");
            w.file(cd + "ap_functions", String.format("0x%08X\n", k.functions));
            w.file(cd + "depth", "8\n");
            w.file(cd + "config", "1\n");
            w.file(cd + "chkstop", "0\n");
            w.file(cd + "online", "1\n");
            w.file(cd + "request_count", "0\n");
            w.file(cd + "requestq_count", "0\n");
            w.file(cd + "pendingq_count", "0\n");
            w.file(cd + "max_msg_size", "12288\n");
            w.file(cd + "modalias", "ap:t" + String.format("%02X", rawType(ai)) + "\n");
            w.file(cd + "uevent", String.format("DEV_TYPE=%04X\nMODALIAS=ap:t%02X\n",
                    rawType(ai), rawType(ai)));
            w.link(cd + "driver", "../../../bus/ap/drivers/cex4card");
            w.link(bus + "devices/" + card, "../../../devices/ap/" + card);
            for (int di = 0; di < domains; di++) {
                boolean vfio = inGuest(ai, di);
                String q = String.format("%02x.%04x", ai, di);
                String qd = cd + q + "/";
                w.file(qd + "ap_functions", String.format("0x%08X\n", k.functions));
                w.file(qd + "config", "1\n");
                w.file(qd + "chkstop", "0\n");
                w.file(qd + "request_count", vfio ? "-\n" : "0\n");
                w.file(qd + "requestq_count", "0\n");
                w.file(qd + "pendingq_count", "0\n");
                w.file(qd + "interrupt", "Interrupts enabled.\n");
                w.file(qd + "reset", "No Reset Timer set.\n");
                w.file(qd + "uevent", "DEV_TYPE=" + String.format("%04X", rawType(ai)) + "\n");
                if (vfio) {
                    w.file(qd + "status", guestRunning ? "in use\n" : "assigned\n");
                    w.link(qd + "driver", "../../../../bus/ap/drivers/vfio_ap");
                } else {
                    w.file(qd + "online", "1\n");
                    if (k != Kind.ACCEL) {
                        StringBuilder sb = new StringBuilder();
                        for (Mkvp m : mkvps(k, ai, di)) {
                            sb.append(m.keyType()).append(' ').append(m.register()).append(": ")
                                    .append(m.state().get()).append(' ')
                                    .append(m.pattern().orElse("-")).append('\n');
                        }
                        w.file(qd + "mkvps", sb.toString());
                    }
                    w.link(qd + "driver", "../../../../bus/ap/drivers/cex4queue");
                }
                w.link(bus + "devices/" + q, "../../../devices/ap/" + card + "/" + q);
            }
        }
        String mx = "devices/vfio_ap/matrix/";
        w.file(mx + "features", "guest_matrix hotplug ap_config migratable\n");
        w.file(mx + "uevent", "");
        w.dir(mx + "mdev_supported_types/vfio_ap-passthrough");
        if (guestAdapters > 0 && guestDomains > 0) {
            String md = mx + UUID + "/";
            String matrix = cutAtPage(guestMatrix().toString());
            w.file(md + "matrix", matrix);
            w.file(md + "guest_matrix", matrix);
            StringBuilder cds = new StringBuilder();
            for (int di = 0; di < guestDomains; di++) {
                cds.append(String.format("%04x\n", di));
            }
            w.file(md + "control_domains", cutAtPage(cds.toString()));
            w.file(md + "ap_config", apConfig() + "\n");
            w.file(md + "uevent", "");
        }
        return w.files;
    }

    /** What reading an attribute longer than a page gives: its first 4095 bytes. */
    static String cutAtPage(String text) {
        return text.length() > PAGE_CUT ? text.substring(0, PAGE_CUT) : text;
    }

    /** System property naming the directory to build trees in (default: see {@link #tempRoot}). */
    public static final String TMPDIR_PROPERTY = "ap4j.bench.tmpdir";

    /**
     * A new empty directory for a generated tree: under {@code -Dap4j.bench.tmpdir} when set,
     * else under {@code /dev/shm} when that is a writable directory (tmpfs: memory-backed like
     * sysfs itself, and creating 200,000 small files there takes seconds instead of the minutes
     * a journaling disk needs), else under {@code java.io.tmpdir}.
     */
    public static Path tempRoot(String prefix) {
        try {
            String dir = System.getProperty(TMPDIR_PROPERTY);
            Path shm = Path.of("/dev/shm");
            if (dir != null && !dir.isEmpty()) {
                return Files.createTempDirectory(Path.of(dir), prefix);
            }
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                return Files.createTempDirectory(shm, prefix);
            }
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a tree written by {@link #writeSysfs} (links are deleted, not followed). */
    public static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes files, directories and relative links under a root. */
    private static final class Writer {
        final Path root;
        /** Directories made so far: {@code createDirectories} per file would stat and throw. */
        final java.util.Set<Path> made = new java.util.HashSet<>();
        int files;

        Writer(Path root) {
            this.root = root;
        }

        private void parent(Path p) throws IOException {
            Path d = p.getParent();
            if (made.add(d)) {
                Files.createDirectories(d);
            }
        }

        void file(String rel, String text) {
            try {
                Path p = root.resolve(rel);
                parent(p);
                Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
                files++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void dir(String rel) {
            try {
                Path d = root.resolve(rel);
                if (made.add(d)) {
                    Files.createDirectories(d);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void link(String rel, String target) {
            try {
                Path p = root.resolve(rel);
                parent(p);
                Files.createSymbolicLink(p, Path.of(target));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
