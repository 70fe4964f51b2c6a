// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import java.util.List;

/**
 * What {@code ap4j explain} found in the pasted logs.
 *
 * @param diagnoses    one per failure, in the order their first line appears
 * @param unrecognised how many input lines looked like vfio_ap, libvirt or QEMU migration lines
 *                     but matched no known message
 */
public record ExplainReport(List<Diagnosis> diagnoses, int unrecognised) {
    /**
     * Copies the diagnoses.
     *
     * @param diagnoses one per failure
     * @param unrecognised how many lines looked relevant but matched no message
     */
    public ExplainReport {
        diagnoses = List.copyOf(diagnoses);
    }
}
