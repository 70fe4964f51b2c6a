// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes synthetic sysfs trees for tests, in the kernel's formats and layout
 * (docs/sysfs-formats.md): real directories under {@code devices/}, relative links under
 * {@code bus/ap/devices} and {@code driver} links into {@code bus/ap/drivers}.
 */
public final class TreeBuilder {

    public static final String UUID = "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b";
    /** {@code "0x%016lx%016lx%016lx%016lx\n"} with every bit set. */
    static final String FULL_MASK = "0x" + "f".repeat(64) + "\n";

    final Path root;

    TreeBuilder(Path root) {
        this.root = root;
    }

    TreeBuilder file(String rel, String text) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TreeBuilder link(String rel, String target) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TreeBuilder dir(String rel) {
        try {
            Files.createDirectories(root.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static String mask(int... ids) {
        return io.github.ap4j.model.ApMask.of(ids) + "\n";
    }

    /** Bus attributes of a QCI machine with adapters 5,6,7 and domains 0x33,0x34. */
    TreeBuilder bus() {
        return file("bus/ap/ap_adapter_mask", mask(5, 6, 7))
                .file("bus/ap/ap_usage_domain_mask", mask(0x33, 0x34))
                .file("bus/ap/ap_control_domain_mask", mask(0x33, 0x34))
                .file("bus/ap/apmask", FULL_MASK)
                .file("bus/ap/aqmask", FULL_MASK)
                .file("bus/ap/ap_domain", "51\n")
                .file("bus/ap/ap_max_adapter_id", "255\n")
                .file("bus/ap/ap_max_domain_id", "255\n")
                .file("bus/ap/features", "APSC APXA QACT RC8A\n")
                .file("bus/ap/scans", "7\n")
                .file("bus/ap/bindings", "6/6 (complete)\n")
                .dir("bus/ap/devices");
    }

    /** A card on a zcrypt driver, with the bus link and driver link. */
    TreeBuilder card(int id, String type, int hwtype, int raw, String functions, String driver) {
        String name = String.format("card%02x", id);
        String d = "devices/ap/" + name + "/";
        file(d + "type", type + "\n").file(d + "hwtype", hwtype + "\n")
                .file(d + "raw_hwtype", raw + "\n").file(d + "ap_functions", functions + "\n")
                .file(d + "depth", "8\n").file(d + "config", "1\n").file(d + "chkstop", "0\n")
                .file(d + "online", "1\n").file(d + "request_count", "0\n")
                .file(d + "requestq_count", "0\n").file(d + "pendingq_count", "0\n")
                .file(d + "max_msg_size", "12288\n")
                .file(d + "uevent", "DEV_TYPE=0014\n");
        link("bus/ap/devices/" + name, "../../../devices/ap/" + name);
        return driver(d + "driver", driver, 3);
    }

    /** A queue under its card; {@code driver} may be null (unbound). */
    TreeBuilder queue(int card, int dom, String functions, String driver) {
        String name = String.format("%02x.%04x", card, dom);
        String d = String.format("devices/ap/card%02x/%s/", card, name);
        file(d + "ap_functions", functions + "\n").file(d + "config", "1\n")
                .file(d + "chkstop", "0\n").file(d + "request_count", "-\n")
                .file(d + "requestq_count", "0\n").file(d + "pendingq_count", "0\n")
                .file(d + "interrupt", "Interrupts enabled.\n")
                .file(d + "reset", "No Reset Timer set.\n");
        if ("vfio_ap".equals(driver)) {
            file(d + "status", "in use\n");
        } else if (driver != null) {
            file(d + "online", "1\n");
        }
        link("bus/ap/devices/" + name, String.format("../../../devices/ap/card%02x/%s", card, name));
        return driver == null ? this : driver(d + "driver", driver, 4);
    }

    private TreeBuilder driver(String rel, String driver, int depth) {
        dir("bus/ap/drivers/" + driver);
        return link(rel, "../".repeat(depth) + "bus/ap/drivers/" + driver);
    }

    TreeBuilder matrix(String features) {
        return file("devices/vfio_ap/matrix/features", features + "\n")
                .file("devices/vfio_ap/matrix/uevent", "")
                .dir("devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough");
    }

    TreeBuilder mdev(String uuid, String matrix, String guest, String controls, String apConfig) {
        String d = "devices/vfio_ap/matrix/" + uuid + "/";
        return file(d + "matrix", matrix).file(d + "guest_matrix", guest)
                .file(d + "control_domains", controls).file(d + "ap_config", apConfig)
                .file(d + "assign_adapter", "").file(d + "remove", "");
    }

    /**
     * A small complete host: CEX8C card 05 (queues 05.0033/05.0034 on vfio_ap, in the mdev),
     * CEX7A card 06 on cex4queue, CEX8P card 07 (EP11, mkvps), an mdev with 05 x 0033,0034.
     */
    public static TreeBuilder standardHost(Path root) {
        TreeBuilder b = new TreeBuilder(root).bus()
                .card(5, "CEX8C", 14, 14, "0x92800000", "cex4card")
                .queue(5, 0x33, "0x92808000", "vfio_ap")
                .queue(5, 0x34, "0x92808000", "vfio_ap")
                .card(6, "CEX7A", 13, 13, "0x88800000", "cex4card")
                .queue(6, 0x33, "0x88800000", "cex4queue")
                .card(7, "CEX8P", 14, 14, "0x94800000", "cex4card")
                .queue(7, 0x33, "0x94800000", "cex4queue")
                .file("devices/ap/card07/07.0033/mkvps",
                        "WK CUR: valid 0x" + "ab".repeat(32) + "\nWK NEW: empty -\n")
                .file("devices/ap/card07/op_modes", "FIPS2009 FIPS2011\n")
                .matrix("guest_matrix hotplug ap_config migratable")
                .mdev(UUID, "05.0033\n05.0034\n", "05.0033\n05.0034\n", "0033\n",
                        io.github.ap4j.model.ApMask.of(5) + "," + io.github.ap4j.model.ApMask.of(0x33, 0x34)
                                + "," + io.github.ap4j.model.ApMask.of(0x33) + "\n");
        return b;
    }
}
