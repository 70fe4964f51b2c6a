// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.check.Errno;
import io.github.ap4j.check.FindingCode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code ap4j check} findings can cause a failure, and which a migration error number
 * points to. The errno table follows the stages of {@code MigrationCheck} (the errno each stage
 * makes the kernel return), plus the vfio-ap.rst tables, which show {@code ret: -19} for an
 * incompatible queue although the code returns {@code -EINVAL} (doc) or {@code -EFAULT} (v3).
 */
final class Causes {

    private Causes() {
    }

    /** The codes that can cause {@code f} when only the log lines are known. */
    static List<FindingCode> of(Failure f, boolean destinationTapq, Errno errno) {
        return switch (f) {
            case MDEV_MISSING -> List.of(FindingCode.MDEV_MISSING);
            case QUEUE_NOT_AVAILABLE -> List.of(FindingCode.QUEUE_MISSING,
                    FindingCode.QUEUE_NOT_ON_VFIO_AP, FindingCode.APQN_RESERVED_FOR_HOST);
            case HWINFO_UNAVAILABLE -> destinationTapq ? List.of(FindingCode.TAPQ_FAILED)
                    : List.of(FindingCode.TAPQ_FAILED, FindingCode.SOURCE_TAPQ_FAILED);
            case QUEUE_INCOMPATIBLE -> List.of(FindingCode.HWINFO_INCOMPATIBLE);
            case CONTROL_DOMAIN_MISSING -> List.of(FindingCode.CONTROL_DOMAIN_MISSING);
            case SE_GUEST -> List.of(FindingCode.SE_GUEST);
            case APQN_IN_USE -> List.of(FindingCode.APQN_IN_USE_BY_OTHER_MDEV);
            case MIGRATION_FAILED_UNSPECIFIED -> ofErrno(errno);
        };
    }

    /** The findings whose kernel stage returns {@code e}; empty when {@code e} is null. */
    static List<FindingCode> ofErrno(Errno e) {
        if (e == null) {
            return List.of();
        }
        return switch (e) {
            case EPERM -> List.of(FindingCode.SE_GUEST);
            case EIO -> List.of(FindingCode.TAPQ_FAILED, FindingCode.SOURCE_TAPQ_FAILED);
            case EFAULT, EINVAL -> List.of(FindingCode.HWINFO_INCOMPATIBLE);
            case ENODEV -> List.of(FindingCode.QUEUE_MISSING, FindingCode.QUEUE_NOT_ON_VFIO_AP,
                    FindingCode.APQN_RESERVED_FOR_HOST, FindingCode.CONTROL_DOMAIN_MISSING,
                    FindingCode.HWINFO_INCOMPATIBLE, FindingCode.TAPQ_FAILED,
                    FindingCode.ID_ABOVE_MAXIMUM);
            case EADDRINUSE -> List.of(FindingCode.APQN_IN_USE_BY_OTHER_MDEV);
            case EADDRNOTAVAIL -> List.of(FindingCode.APQN_RESERVED_FOR_HOST);
        };
    }

    /** glibc's {@code strerror()} texts for the errnos a migration can end with. */
    private static final String[][] STRERROR = {
        {"Operation not permitted", "EPERM"}, {"Input/output error", "EIO"},
        {"Bad address", "EFAULT"}, {"No such device", "ENODEV"}, {"Invalid argument", "EINVAL"},
        {"Address already in use", "EADDRINUSE"},
        {"Cannot assign requested address", "EADDRNOTAVAIL"},
    };
    private static final Pattern RET = Pattern.compile("ret: -(\\d{1,4})\\b");

    /**
     * The errno a console or QEMU failure text names: {@code ret: -19} first, else the strerror
     * text right after {@code load of migration failed: }; null when it names none ap4j knows.
     */
    static Errno errnoIn(String why) {
        if (why == null) {
            return null;
        }
        Matcher m = RET.matcher(why);
        if (m.find()) {
            int v = Integer.parseInt(m.group(1));
            for (Errno e : Errno.values()) {
                if (e.value() == v) {
                    return e;
                }
            }
        }
        for (String[] s : STRERROR) {
            if (why.startsWith(s[0])) {
                return Errno.valueOf(s[1]);
            }
        }
        return null;
    }
}
