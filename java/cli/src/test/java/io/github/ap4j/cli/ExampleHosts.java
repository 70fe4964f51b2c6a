// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates the shipped example hosts ({@code java/examples/}) in the kernel's
 * formats and layout (docs/sysfs-formats.md). {@link ExampleHostsTest} checks the committed trees
 * equal what this writes; run it with {@code -Dap4j.examples.write=true} to regenerate them.
 */
final class ExampleHosts {

    static final String UUID = "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b";
    static final List<String> NAMES = List.of("source-host", "target-ok", "target-bad");

    // Queue-level ap_functions words ("0x%08X"), bits from docs/bit-layouts.md (README beside
    // them).
    static final String CCA = "0x92800000";   // S--D--N-F-: APSC, CCA, APXA, full native
    static final String ACCEL = "0x6A800000"; // -MC-A-N-F-: AP4KM, AP4KC, accel, APXA, full native
    static final String EP11 = "0x86800000";  // S----XN-F-: APSC, EP11, APXA, full native

    static final String CCA_MKVPS = "AES NEW: empty 0x0000000000000000\n"
            + "AES CUR: valid 0x8a3c5b7e91d2f046\n"
            + "AES OLD: valid 0x1f2e3d4c5b6a7988\n"
            + "APKA NEW: empty 0x0000000000000000\n"
            + "APKA CUR: valid 0x55aa55aa01020304\n"
            + "APKA OLD: invalid 0x0000000000000000\n";
    static final String EP11_MKVPS = "WK CUR: valid 0x"
            + "3b9e4f1c2d7a6b5e8c0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f" + "\n"
            + "WK NEW: empty -\n";

    private final Path root;

    private ExampleHosts(Path root) {
        this.root = root;
    }

    static void writeAll(Path examplesDir) {
        source(examplesDir.resolve("source-host"));
        targetOk(examplesDir.resolve("target-ok"));
        targetBad(examplesDir.resolve("target-bad"));
    }

    /** Runs the guest: mdev 05,06 x 0033,0034 in use, control domain 0033. */
    static void source(Path dir) {
        ExampleHosts h = new ExampleHosts(dir);
        h.marker("source-host");
        h.bus(ApMask.of(5, 6, 7), ApMask.of(0x33, 0x34), ApMask.of(0x33, 0x34),
                ApMask.FULL.without(5).without(6), ApMask.FULL, 12);
        h.card(5, "CEX8C", 14, CCA, "cex4card");
        h.vfioQueue(5, 0x33, CCA, "in use");
        h.vfioQueue(5, 0x34, CCA, "in use");
        h.card(6, "CEX7A", 13, ACCEL, "cex4card");
        h.vfioQueue(6, 0x33, ACCEL, "in use");
        h.vfioQueue(6, 0x34, ACCEL, "in use");
        h.card(7, "CEX8P", 14, EP11, "cex4card");
        h.file("devices/ap/card07/op_modes", "FIPS2009 FIPS2011\n");
        h.hostQueue(7, 0x33, EP11, EP11_MKVPS);
        h.hostQueue(7, 0x34, EP11, EP11_MKVPS);
        h.matrix();
        h.mdev(new ApMatrix(ApMask.of(5, 6), ApMask.of(0x33, 0x34)), ApMask.of(0x33));
    }

    /** A compatible destination: same UUID, APQNs free and on vfio_ap, CEX8A for the CEX7A. */
    static void targetOk(Path dir) {
        ExampleHosts h = new ExampleHosts(dir);
        h.marker("target-ok");
        h.bus(ApMask.of(5, 6, 8), ApMask.of(0x33, 0x34), ApMask.of(0x33, 0x34),
                ApMask.FULL.without(5).without(6), ApMask.FULL, 4);
        h.card(5, "CEX8C", 14, CCA, "cex4card");
        h.vfioQueue(5, 0x33, CCA, "assigned");
        h.vfioQueue(5, 0x34, CCA, "assigned");
        h.card(6, "CEX8A", 14, ACCEL, "cex4card");
        h.vfioQueue(6, 0x33, ACCEL, "assigned");
        h.vfioQueue(6, 0x34, ACCEL, "assigned");
        h.card(8, "CEX8C", 14, CCA, "cex4card");
        h.hostQueue(8, 0x33, CCA, CCA_MKVPS);
        h.hostQueue(8, 0x34, CCA, CCA_MKVPS);
        h.matrix();
        h.mdev(new ApMatrix(ApMask.of(5, 6), ApMask.of(0x33, 0x34)), ApMask.of(0x33));
    }

    /**
     * An incompatible destination: 05.0034 reserved for the host by apmask/aqmask and on
     * cex4queue; card 05 in EP11 mode (05.0033 on vfio_ap, mode differs); card 06 a CEX6A
     * (raw type 12 older than 13); control domain 0033 not in the host's control-domain mask.
     */
    static void targetBad(Path dir) {
        ExampleHosts h = new ExampleHosts(dir);
        h.marker("target-bad");
        h.bus(ApMask.of(5, 6, 7), ApMask.of(0x33, 0x34), ApMask.of(0x34),
                ApMask.FULL.without(6), ApMask.FULL.without(0x33), 9);
        h.card(5, "CEX8P", 14, EP11, "cex4card");
        h.vfioQueue(5, 0x33, EP11, "unassigned");
        h.hostQueue(5, 0x34, EP11, EP11_MKVPS);
        h.card(6, "CEX6A", 12, ACCEL, "cex4card");
        h.vfioQueue(6, 0x33, ACCEL, "assigned");
        h.vfioQueue(6, 0x34, ACCEL, "assigned");
        h.card(7, "CEX8C", 14, CCA, "cex4card");
        h.vfioQueue(7, 0x33, CCA, "unassigned");
        h.hostQueue(7, 0x34, CCA, CCA_MKVPS);
        h.matrix();
        h.mdev(new ApMatrix(ApMask.of(6), ApMask.of(0x33, 0x34)), ApMask.EMPTY);
    }

    private void marker(String name) {
        file("ap4j-fixture.properties",
                "# ap4j recorded fixture: the AP part of a sysfs tree, read-only copy\n"
                        + "format=1\n"
                        + "captured=2026-07-01T10:00:00Z\n"
                        + "origin=example " + name + " (hand-made in the kernel's formats)\n");
    }

    private void bus(ApMask adapters, ApMask usage, ApMask control, ApMask apmask, ApMask aqmask,
            int scans) {
        // QCI masks: "0x%08x"x8; apmask/aqmask: "0x%016lx"x4: both 64 lowercase hex digits.
        file("bus/ap/ap_adapter_mask", adapters + "\n");
        file("bus/ap/ap_usage_domain_mask", usage + "\n");
        file("bus/ap/ap_control_domain_mask", control + "\n");
        file("bus/ap/apmask", apmask + "\n");
        file("bus/ap/aqmask", aqmask + "\n");
        file("bus/ap/ap_domain", "51\n");
        file("bus/ap/ap_max_adapter_id", "255\n");
        file("bus/ap/ap_max_domain_id", "255\n");
        file("bus/ap/features", "APSC APXA QACT RC8A\n");
        file("bus/ap/scans", scans + "\n");
        file("bus/ap/ap_interrupts", "1\n");
        file("bus/ap/config_time", "30\n");
        file("bus/ap/poll_thread", "0\n");
    }

    private void card(int id, String type, int raw, String functions, String driver) {
        String name = String.format("card%02x", id);
        String d = "devices/ap/" + name + "/";
        file(d + "type", type + "\n");
        file(d + "hwtype", raw + "\n");
        file(d + "raw_hwtype", raw + "\n");
        file(d + "ap_functions", functions + "\n");
        file(d + "depth", "8\n");
        file(d + "config", "1\n");
        file(d + "chkstop", "0\n");
        file(d + "online", "1\n");
        file(d + "request_count", "0\n");
        file(d + "requestq_count", "0\n");
        file(d + "pendingq_count", "0\n");
        file(d + "max_msg_size", "12288\n");
        link("bus/ap/devices/" + name, "../../../devices/ap/" + name);
        link(d + "driver", "../../../bus/ap/drivers/" + driver);
    }

    private String queueDir(int card, int dom) {
        return String.format("devices/ap/card%02x/%02x.%04x/", card, card, dom);
    }

    private void queueCommon(int card, int dom, String functions, String driver) {
        String d = queueDir(card, dom);
        file(d + "ap_functions", functions + "\n");
        file(d + "config", "1\n");
        file(d + "chkstop", "0\n");
        file(d + "requestq_count", "0\n");
        file(d + "pendingq_count", "0\n");
        file(d + "interrupt", "Interrupts enabled.\n");
        link(String.format("bus/ap/devices/%02x.%04x", card, dom),
                String.format("../../../%s", d.substring(0, d.length() - 1)));
        link(d + "driver", "../../../../bus/ap/drivers/" + driver);
    }

    /** A queue bound to vfio_ap: status, no online, no mkvps, counters not initiated. */
    private void vfioQueue(int card, int dom, String functions, String status) {
        queueCommon(card, dom, functions, "vfio_ap");
        file(queueDir(card, dom) + "request_count", "-\n");
        file(queueDir(card, dom) + "status", status + "\n");
    }

    /** A queue on the host's zcrypt driver. */
    private void hostQueue(int card, int dom, String functions, String mkvps) {
        queueCommon(card, dom, functions, "cex4queue");
        file(queueDir(card, dom) + "request_count", "1207\n");
        file(queueDir(card, dom) + "online", "1\n");
        file(queueDir(card, dom) + "mkvps", mkvps);
    }

    private void matrix() {
        file("devices/vfio_ap/matrix/features", "guest_matrix hotplug ap_config migratable\n");
    }

    private void mdev(ApMatrix m, ApMask controls) {
        String d = "devices/vfio_ap/matrix/" + UUID + "/";
        file(d + "matrix", m.toString());
        file(d + "guest_matrix", m.toString());
        StringBuilder cd = new StringBuilder();
        controls.forEachId(id -> cd.append(String.format("%04x\n", id)));
        file(d + "control_domains", cd.toString());
        file(d + "ap_config", m.adapters() + "," + m.domains() + "," + controls + "\n");
    }

    private void file(String rel, String text) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void link(String rel, String target) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
