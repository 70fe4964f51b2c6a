// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import io.github.ap4j.UnavailableException;

/**
 * The AP configuration kept changing while a snapshot was being read: {@code bus/ap/scans}
 * differed before and after every attempt. Retrying later usually works.
 *
 * <p>This is neither bad input (nothing the user named is malformed) nor a bug, so it is an
 * {@link UnavailableException}: a consistent snapshot cannot be had here right now (CLI exit
 * code 3, docs/exit-codes.md).
 */
public class ConfigurationChangedException extends UnavailableException {
    private static final long serialVersionUID = 1L;

    /**
     * The configuration did not hold still.
     *
     * @param message how many attempts were made and what changed
     */
    public ConfigurationChangedException(String message) {
        super(message);
    }
}
