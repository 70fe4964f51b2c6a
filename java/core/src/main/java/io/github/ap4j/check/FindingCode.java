// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

/**
 * Stable codes of the migration check's findings. Renaming one is an incompatible change: scripts
 * match on them.
 */
public enum FindingCode {
    /** Source or target host is an SE guest with AP secure binding ({@code APSB}). */
    SE_GUEST,
    /** A host's vfio_ap has no {@code migratable} feature token (or vfio_ap is not loaded). */
    NOT_MIGRATABLE,
    /** No mdev with the guest's UUID on the target (libvirt fails before the kernel runs). */
    MDEV_MISSING,
    /** The target has no queue device for a guest APQN. */
    QUEUE_MISSING,
    /** The target queue exists but is not bound to vfio_ap (and is not reserved by the masks). */
    QUEUE_NOT_ON_VFIO_AP,
    /** The target's apmask and aqmask reserve a guest APQN for the host's default drivers. */
    APQN_RESERVED_FOR_HOST,
    /** A source control domain is not in the target's control-domain mask (doc only). */
    CONTROL_DOMAIN_MISSING,
    /** v3 neither migrates nor checks control domains: the guest loses them. */
    CONTROL_DOMAINS_NOT_MIGRATED,
    /** Source and target queue hardware information are not compatible. */
    HWINFO_INCOMPATIBLE,
    /** TAPQ on the destination failed (response code given in the input). */
    TAPQ_FAILED,
    /** TAPQ returned an error response code that this rule set treats as success. */
    TAPQ_ERROR_IGNORED,
    /** TAPQ on the source failed: the STOP_COPY read fails before the target is involved. */
    SOURCE_TAPQ_FAILED,
    /** Another mdev on the target already holds a guest APQN. */
    APQN_IN_USE_BY_OTHER_MDEV,
    /** A guest adapter or domain id lies above the target's maximum id. */
    ID_ABOVE_MAXIMUM,
    /** Master-key verification patterns differ between source and target queue. */
    MKVP_MISMATCH,
    /** Master keys could not be compared. */
    MKVP_UNVERIFIED,
    /** The source mdev has no {@code guest_matrix}; its assigned {@code matrix} was used. */
    GUEST_MATRIX_FALLBACK,
    /** Card-level {@code ap_functions} used for lack of the queue-level attribute. */
    CARD_LEVEL_FUNCTIONS,
    /** The mapped {@code hwtype} used for lack of {@code raw_hwtype}. */
    MAPPED_HWTYPE,
    /** No hardware information for a queue on one side: the comparison cannot be made. */
    HWINFO_UNKNOWN,
    /** A fact the check needs is unknown in the snapshot (for example an lszcrypt import). */
    UNVERIFIABLE,
    /** The queue is deconfigured or check-stopped: the kernel accepts it, the guest cannot use it. */
    QUEUE_NOT_OPERATIONAL,
    /** Posted v3/v4 builds the new guest matrix in an uninitialised stack variable. */
    V3_UNINITIALISED_MATRIX,
    /** The source guest has no APQNs. */
    EMPTY_GUEST_MATRIX
}
