// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

/**
 * A mask string that the kernel's {@code apmask}/{@code aqmask} store would reject with
 * {@code -EINVAL} (docs/sysfs-formats.md).
 */
public final class MaskSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * A rejected mask string.
     *
     * @param message what is wrong and where, with the text quoted
     */
    public MaskSyntaxException(String message) {
        super(message);
    }
}
