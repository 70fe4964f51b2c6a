// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

/**
 * What went wrong in a failed migration, one value per failure table of the vfio-ap.rst chapter
 * "Live guest migration failures due to AP configuration errors" ({@code [PATCH v4 15/15]},
 * Message-ID {@code 20260707090226.3206695-16-akrowiak@linux.ibm.com}) plus the kernel messages
 * that chapter does not list.
 */
public enum Failure {
    /** "The destination host is missing the mediated device": libvirt stops before any kernel code. */
    MDEV_MISSING,
    /** "One or more queues are not bound to the vfio_ap driver on the destination host". */
    QUEUE_NOT_AVAILABLE,
    /** "Failure to get hardware information for a queue device": TAPQ failed. */
    HWINFO_UNAVAILABLE,
    /** "The AP configurations ... not compatible": the per-queue hardware comparison failed. */
    QUEUE_INCOMPATIBLE,
    /** A source control domain is not in the destination's control-domain mask (doc rules). */
    CONTROL_DOMAIN_MISSING,
    /** vfio_ap refuses every migration state change on a Secure Execution host. */
    SE_GUEST,
    /** Another mdev on the destination holds one of the guest's queues (set-configuration step). */
    APQN_IN_USE,
    /** Only console or QEMU lines: the migration failed, but no kernel line says why. */
    MIGRATION_FAILED_UNSPECIFIED
}
