// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import java.util.List;

/**
 * The two PQAP functions ap4j reads a host with, answered either by the machine
 * ({@link ApShim}, through {@link NativeAp#shim()}) or by a recorded table
 * ({@link NativeReplay}, from {@link ApShim#replay(ReplayTable)}). No JNA type appears here.
 */
public interface Pqap {

    /**
     * PQAP(TAPQ) with the T bit for each queue, in order, as the kernel's
     * {@code ap_test_queue(qid, 1, ...)} reads the facility word for sysfs.
     *
     * @param apqns the queues, at most 65536
     * @return one record per queue, in the order asked; GR2 is meaningful only where the
     *     response code leaves TAPQ information valid
     * @throws NativeCallException when the shim returns an error
     */
    List<TapqRecord> tapq(List<Apqn> apqns);

    /**
     * PQAP(QCI): the 128-byte configuration block.
     *
     * @return the block: facility flags, maximum ids and the adapter/domain masks
     * @throws NativeCallException when the shim returns an error (a condition code other than 0
     *     is {@link NativeError#QCI_CONDITION_CODE})
     */
    ConfigInfo qci();
}
