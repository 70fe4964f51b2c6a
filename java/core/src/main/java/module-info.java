// SPDX-License-Identifier: Apache-2.0
/**
 * ap4j: IBM Z Adjunct Processor (AP) queues from Java: bit-exact decoding of the hardware
 * words ({@link io.github.ap4j.model}), host snapshots from sysfs, fixtures, lszcrypt text and
 * PQAP ({@link io.github.ap4j.snapshot.HostSnapshots}), the native layer
 * ({@link io.github.ap4j.natives}), the vfio-ap live-migration check
 * ({@link io.github.ap4j.check.MigrationCheck}) and the explanation of the kernel's migration
 * failure messages ({@link io.github.ap4j.explain.Explainer}), and the guest's AP descriptor
 * carried in its libvirt domain XML ({@link io.github.ap4j.libvirt.DomainXml}).
 *
 * <p>Only these packages and {@code io.github.ap4j} (the exception types) are API. The
 * {@code io.github.ap4j.internal} packages hold the sysfs and lszcrypt readers, the fixture tar
 * reader and the check's queue index: public only so that the API packages can share them, and
 * free to change in any release. The {@code ap4j} command-line tool uses some of them (capture,
 * lszcrypt output); it is built and shaded on the class path, where modules are not enforced, so
 * no qualified export is needed for it.
 */
module io.github.ap4j {
    requires com.sun.jna;
    requires java.xml;

    exports io.github.ap4j;
    exports io.github.ap4j.check;
    exports io.github.ap4j.explain;
    exports io.github.ap4j.libvirt;
    exports io.github.ap4j.model;
    exports io.github.ap4j.natives;
    exports io.github.ap4j.snapshot;
}
