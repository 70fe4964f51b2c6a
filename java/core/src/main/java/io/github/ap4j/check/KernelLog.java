// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueHwInfo;
import java.util.List;

/**
 * The exact lines the kernel (and libvirt) print during a vfio-ap migration, without the trailing
 * newline (docs/kernel-rules.md). {@code uuid} is the mdev name ({@code %s}); APQNs print as
 * {@code %02lx.%04lx}, types as {@code %02x}, bind states as {@code %01x}, TAPQ response codes
 * in decimal. V34's typos are reproduced byte for byte.
 */
public final class KernelLog {

    private KernelLog() {
    }

    private static String p(String uuid) {
        return "vfio_ap_mdev " + uuid + ": ";
    }

    /**
     * libvirt, before any kernel code runs, when the target has no mdev with the UUID (stage 1).
     *
     * @param uuid the guest's mdev UUID
     * @return {@code error: device not found: mediated device '<UUID>' not found}
     */
    public static String libvirtMdevNotFound(String uuid) {
        return "error: device not found: mediated device '" + uuid + "' not found";
    }

    /**
     * v3: {@code dev_err} in {@code vfio_ap_set_state()} on an SE host (stage 3).
     *
     * @param uuid the mdev UUID
     * @return the log line
     */
    public static String seNotAllowed(String uuid) {
        return p(uuid) + "Migration not allowed from or to a Secure Execution guest";
    }

    /**
     * Stage 5, per APQN not bound to vfio_ap on the target (all versions).
     *
     * @param uuid the mdev UUID
     * @param q the missing queue
     * @return the log line
     */
    public static String queueNotAvailable(String uuid, Apqn q) {
        return p(uuid) + "Queue " + q + " not available to vfio_ap driver on target host";
    }

    /**
     * Stage 6 (doc), per missing control domain; note the odd {@code vfio_ap_mdev: %s:}.
     *
     * @param uuid the mdev UUID
     * @param domain the control domain, printed as four hex digits
     * @return the log line
     */
    public static String controlDomainMissing(String uuid, int domain) {
        return "vfio_ap_mdev: " + uuid + ": Control domain " + hex(domain, 4)
                + " not available on the destination host";
    }

    /**
     * A TAPQ failure line (stage 7): which text depends on the rule set and the response code.
     *
     * @param rules the rule set
     * @param uuid the mdev UUID
     * @param q the queue TAPQ failed on
     * @param rc the response code, printed in decimal
     * @return the log line
     */
    public static String tapqFailed(RuleSet rules, String uuid, Apqn q, int rc) {
        if (rules == RuleSet.V3 && rc == 0x01) {
            return p(uuid) + "migration failed: Failed to get hwinfo for queue " + q
                    + " on target host: TAPQ rc=" + rc;
        }
        return p(uuid) + "Failed to get hwinfo for queue " + q + ": TAPQ rc=" + rc;
    }

    /**
     * Stage 8: {@code MDEV_SHARING_ERR} as {@code dev_warn} on this mdev.
     *
     * @param uuid the guest's mdev UUID
     * @param q the queue both mdevs hold
     * @param otherUuid the target mdev that already holds {@code q}
     * @return the log line
     */
    public static String sharingError(String uuid, Apqn q, String otherUuid) {
        return p(uuid) + "Userspace may not assign queue " + q + " to mdev: already assigned to "
                + otherUuid;
    }

    /**
     * {@code report_qinfo_incompatibilities()}: the header, then rows 1-11 in order, each only
     * when its condition holds; source line first in every pair.
     *
     * @param rules the rule set, which picks the message texts
     * @param uuid the mdev UUID
     * @param q the incompatible queue
     * @param src the source GR2 word
     * @param tgt the target GR2 word
     * @param out receives the lines, header first
     */
    public static void reportIncompatibilities(RuleSet rules, String uuid, Apqn q, long src,
            long tgt, List<String> out) {
        boolean v3 = rules == RuleSet.V3;
        String pre = p(uuid);
        out.add(pre + "Migration failed: Source and target queue (" + q + ") not compatible");
        // Row 1: APSC; V34's src=0 target line lacks the colon after %s.
        if (differs(src, tgt, 0)) {
            boolean s = bit(src, 0);
            out.add(pre + "APSC facility " + inst(s) + " in source queue " + q);
            String tpre = v3 && !s ? "vfio_ap_mdev " + uuid + " " : pre;
            out.add(tpre + "APSC facility " + inst(!s) + " in target queue " + q);
        }
        pair(out, pre, src, tgt, 1, "mex4k facility", "installed", "not installed", true, true, q, "");
        pair(out, pre, src, tgt, 2, "crt4k facility", "installed", "not installed", true, true, q, "");
        // Row 4: V34 target lines read "Coprocessor-mode  facility [not ]installed target queue".
        pair(out, pre, src, tgt, 3, "Coprocessor-mode facility", "installed", "not installed",
                true, !v3, q, v3 ? "Coprocessor-mode  facility" : null);
        pair(out, pre, src, tgt, 4, "Accelerator-mode facility", "installed", "not installed",
                !v3, !v3, q, null);
        pair(out, pre, src, tgt, 5, "XCP-mode facility", "installed", "not installed",
                !v3, !v3, q, null);
        pair(out, pre, src, tgt, 6, "AP-extended-addressing (APXA) facility", "installed",
                "not installed", true, true, q, null);
        pair(out, pre, src, tgt, 7, "Stateless-command-filtering (SLCF)", "available",
                "not available", true, true, q, null);
        int sat = QueueHwInfo.typeOf(src);
        int tat = QueueHwInfo.typeOf(tgt);
        if (sat > tat) {
            out.add(pre + "AP type of source (" + hex(sat, 2) + ") not compatible with target ("
                    + hex(tat, 2) + ")");
        }
        int sbs = QueueHwInfo.bindStateOf(src);
        int tbs = QueueHwInfo.bindStateOf(tgt);
        if (sbs != 0 || tbs != 0) {
            out.add(pre + "Bind/associate state for source (" + sbs + ") and target (" + tbs
                    + ") queue " + q + " must be 0");
        }
        if (QueueHwInfo.fullNativeOf(src) && !QueueHwInfo.fullNativeOf(tgt)) {
            out.add(pre + "Full native card function available on source queue " + q);
            out.add(pre + "Only stateless functions available on target queue " + q);
        }
    }

    /**
     * One facility pair. {@code srcIn}/{@code tgtIn}: whether the source/target line has "in"
     * before the side; {@code tgtLabel}: a different label for the target line (V34 row 4), or
     * null/"" for the same label.
     */
    private static void pair(List<String> out, String pre, long src, long tgt, int ibmBit,
            String label, String yes, String no, boolean srcIn, boolean tgtIn, Apqn q,
            String tgtLabel) {
        if (!differs(src, tgt, ibmBit)) {
            return;
        }
        boolean s = bit(src, ibmBit);
        String tl = tgtLabel == null || tgtLabel.isEmpty() ? label : tgtLabel;
        out.add(pre + label + " " + (s ? yes : no) + (srcIn ? " in " : " ") + "source queue " + q);
        out.add(pre + tl + " " + (s ? no : yes) + (tgtIn ? " in " : " ") + "target queue " + q);
    }

    private static String inst(boolean installed) {
        return installed ? "installed" : "not installed";
    }

    private static boolean bit(long w, int ibmBit) {
        return QueueHwInfo.bitOf(w, ibmBit);
    }

    private static boolean differs(long a, long b, int ibmBit) {
        return bit(a, ibmBit) != bit(b, ibmBit);
    }

    static String hex(int v, int digits) {
        String h = Integer.toHexString(v);
        StringBuilder sb = new StringBuilder(digits);
        for (int i = h.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(h).toString();
    }
}
