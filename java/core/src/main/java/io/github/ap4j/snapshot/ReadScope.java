// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

/**
 * How much of each card and queue a sysfs or fixture read covers. The bus and the vfio_ap
 * matrix device are always read whole (a few files per host); the scopes differ per device,
 * where the files are. lszcrypt text, {@code native} and {@code replay:} sources have no
 * per-file cost and ignore the scope.
 */
public enum ReadScope {
    /** Every attribute: for {@code show}, {@code capture} and lszcrypt-style output. */
    FULL,
    /**
     * What {@code io.github.ap4j.check} uses, and nothing else: per queue
     * {@code ap_functions}, {@code config}, {@code chkstop}, {@code mkvps} and the driver
     * link; per card {@code hwtype}, {@code raw_hwtype}, {@code ap_functions} and
     * {@code config}. Every other device attribute is {@link Absence#NOT_READ}, never
     * MISSING or UNKNOWN: absent-because-not-read must look neither like absent-on-the-host
     * nor like something only a better source could tell. A queue costs 4 files and a link
     * instead of 12 and a link, which is where a sysfs read spends its time
     * (benchmarks' SnapshotBenchmark).
     */
    MIGRATION
}
