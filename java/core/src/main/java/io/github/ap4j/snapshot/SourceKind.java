// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

/** Where a host snapshot came from. */
public enum SourceKind {
    /** A live sysfs tree ({@code /sys} or {@code SYSFS_ROOT}). */
    SYSFS,
    /** A recorded copy of the AP part of a sysfs tree (directory or {@code .tar.gz}). */
    FIXTURE,
    /** Text of {@code lszcrypt -V}: a partial snapshot. */
    LSZCRYPT,
    /** PQAP(QCI) and PQAP(TAPQ) through the native shim (hardware or replay). */
    NATIVE,
    /**
     * ap4j's guest descriptor (from {@code ap4j describe}, usually inside a libvirt domain
     * XML): the source side of one guest only.
     */
    DESCRIPTOR
}
