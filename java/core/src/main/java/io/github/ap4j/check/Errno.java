// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

/** The kernel results a migration can end with (Linux errno names and values, asm-generic). */
public enum Errno {
    /** 1: the Secure Execution gate in {@code vfio_ap_set_state()} (v3). */
    EPERM(1),
    /** 5: TAPQ failed on the destination with a response code the kernel treats as an error. */
    EIO(5),
    /** 14: an incompatible queue in the posted v3/v4 code. */
    EFAULT(14),
    /** 19: queue not bound to vfio_ap, control domain missing, TAPQ Q_NOT_AVAIL, id overflow. */
    ENODEV(19),
    /** 22: an incompatible queue (doc/LATE). */
    EINVAL(22),
    /** 98: an APQN is assigned to another mdev. */
    EADDRINUSE(98),
    /** 99: an APQN is still reserved for the host's default drivers. */
    EADDRNOTAVAIL(99);

    private final int value;

    Errno(int value) {
        this.value = value;
    }

    /** {@return the positive errno value; the kernel returns its negation} */
    public int value() {
        return value;
    }
}
