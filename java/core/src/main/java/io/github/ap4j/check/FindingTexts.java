// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static io.github.ap4j.check.FindingCode.*;
import static io.github.ap4j.check.Severity.*;

import io.github.ap4j.check.Finding.Texts;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApType;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.ResponseCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every text an administrator reads in a finding, apart from the logic that decides which
 * findings there are ({@link MigrationCheck}, {@link Guest}). Ids are written as the kernel
 * prints them: adapters {@code %02x} ({@code 05}), domains {@code %04x} ({@code 0034}), APQNs
 * {@code %02x.%04x}; see docs/kernel-rules.md for the stages the texts name.
 *
 * <p>Each method returns a {@link Finding#lazy lazy} finding: the texts are built by the
 * supplier when first read, from the arguments captured here, which are immutable values.
 */
final class FindingTexts {
    private FindingTexts() {
    }

    private static final String SYSFS_SNAPSHOT = "take a sysfs snapshot of the target host";

    // ---- source side (Guest) ----

    static Finding guestMatrixFallback(String uuid) {
        return Finding.lazy(GUEST_MATRIX_FALLBACK, WARNING, null, () -> new Texts(
                "source mdev has no guest_matrix; its matrix was used",
                "The source mdev has no guest_matrix attribute, so its assigned matrix was used as "
                + "the guest's APQNs. The kernel migrates guest_matrix (what the guest really has "
                + "after filtering), which can be smaller.",
                "take the source snapshot on a kernel that shows /sys/devices/vfio_ap/matrix/"
                + uuid + "/guest_matrix"));
    }

    static Finding emptyGuestMatrix(String uuid) {
        return Finding.lazy(EMPTY_GUEST_MATRIX, INFO, null, () -> new Texts(
                "the guest has no APQNs",
                "The guest has no APQNs, so the kernel checks no queues.",
                "none needed, unless the guest was meant to have crypto devices: assign adapters "
                + "and domains to mdev " + uuid + " on the source"));
    }

    static Finding sourceControlDomainsUnknown(String uuid) {
        return Finding.lazy(UNVERIFIABLE, ERROR, null, () -> new Texts(
                "source snapshot lacks the control domains",
                "The source snapshot does not show mdev " + uuid + "'s control_domains, so the "
                + "control-domain check cannot be predicted.",
                "take a full sysfs snapshot of the source host"));
    }

    static Finding controlDomainsNotMigrated(String uuid, ApMask controlDomains) {
        return Finding.lazy(CONTROL_DOMAINS_NOT_MIGRATED, WARNING, null, () -> {
            String ids = (controlDomains.cardinality() == 1 ? "control domain "
                    : "control domains ") + domains(controlDomains);
            int first = controlDomains.nextSetId(0);
            return new Texts(
                    "v3 drops " + ids,
                    "The posted v3/v4 code neither migrates nor checks control domains, so the "
                    + "guest loses its " + ids + " on the target. Each can be assigned again after "
                    + "the migration, for example echo 0x" + domain(first)
                    + " > /sys/devices/vfio_ap/matrix/" + uuid + "/assign_control_domain.",
                    "assign the " + ids + " to the mdev again on the target after the migration");
        });
    }

    static Finding v3UninitialisedMatrix() {
        return Finding.lazy(V3_UNINITIALISED_MATRIX, INFO, null, () -> new Texts(
                "v3 builds the new matrix uninitialised",
                "The posted v3/v4 code builds the new guest matrix in an uninitialised stack "
                + "variable, so the set-configuration step on the target may see stray adapter, "
                + "domain or control-domain bits; this check assumes it does not.",
                "use a kernel with the later migration code (rules doc)"));
    }

    static Finding featuresUnknown(String side) {
        return Finding.lazy(UNVERIFIABLE, ERROR, null, () -> new Texts(
                side + " snapshot lacks vfio_ap's features",
                "The " + side + " snapshot does not show /sys/devices/vfio_ap/matrix/features, so "
                + "it is unknown whether its vfio_ap can migrate devices.",
                "take a sysfs snapshot of the " + side + " host"));
    }

    static Finding notMigratable(String side, List<String> features) {
        // the texts are built later: keep the features as they are now (a snapshot's list is
        // immutable already, and copyOf returns it as it is)
        List<String> fs = features == null ? null : List.copyOf(features);
        return Finding.lazy(NOT_MIGRATABLE, ERROR, null, () -> {
            String has = fs == null ? "no features attribute" : "'" + String.join(" ", fs) + "'";
            return new Texts(
                    side + " vfio_ap cannot migrate (no 'migratable' feature)",
                    "The " + side + " host's vfio_ap has no 'migratable' feature (" + has + "), so "
                    + "its kernel has no vfio-ap migration support and the device cannot be "
                    + "migrated.",
                    "run a kernel with the vfio-ap live-migration series on the " + side + " host");
        });
    }

    static Finding sourceTapqFailed(Apqn q, int rc) {
        return Finding.lazy(SOURCE_TAPQ_FAILED, ERROR, q, () -> new Texts(
                "TAPQ fails on the source (" + rcName(rc) + ")",
                "TAPQ on source queue " + q + " fails with response code " + rcName(rc) + ", so "
                + "the source's STOP_COPY read fails with " + RuleSet.tapqErrno(rc).name()
                + " before any data reaches the target.",
                "bring the queue back to a usable state on the source (check /sys/bus/ap/devices/"
                + q + "/config and chkstop, or echo 1 > /sys/bus/ap/devices/" + q + "/reset)"));
    }

    static Finding hwinfoUnknown(String side, Apqn q) {
        return Finding.lazy(HWINFO_UNKNOWN, ERROR, q, () -> {
            String card = Guest.cardName(q.adapter());
            return new Texts(
                    "no hardware information on the " + side,
                    "The " + side + " snapshot has no ap_functions for queue " + q + " or card "
                    + card + ", or no raw_hwtype/hwtype for " + card + ", so the hardware "
                    + "comparison cannot be made.",
                    "take a sysfs snapshot of the " + side + " host that includes "
                    + "/sys/bus/ap/devices/" + card + "/" + q + "/ap_functions and " + card
                    + "/raw_hwtype");
        });
    }

    static Finding cardLevelFunctions(String side, int adapter) {
        return Finding.lazy(CARD_LEVEL_FUNCTIONS, WARNING, null, () -> {
            String card = Guest.cardName(adapter);
            return new Texts(
                    side + " " + card + ": card-level ap_functions used",
                    "The " + side + " snapshot has no queue-level ap_functions for " + card
                    + "'s queues, so the card-level value was used. The card value is masked: "
                    + "it always shows bind state 00 and, on kernels without commit "
                    + "123b7c7c2ba7, SLCF as 0, while the kernel compares the per-queue TAPQ word.",
                    "snapshot /sys/bus/ap/devices/" + card + "/XX.YYYY/ap_functions");
        });
    }

    static Finding mappedHwtype(String side, int adapter, int hwtype) {
        return Finding.lazy(MAPPED_HWTYPE, WARNING, null, () -> {
            String card = Guest.cardName(adapter);
            return new Texts(
                    side + " " + card + ": mapped hwtype used",
                    "The " + side + " snapshot has no raw_hwtype for " + card + ", so its hwtype ("
                    + hwtype + ") was used. hwtype is the compatibility-mapped type; the kernel "
                    + "compares the raw TAPQ type, which differs for cards newer than CEX8.",
                    "snapshot /sys/bus/ap/devices/" + card + "/raw_hwtype");
        });
    }

    // ---- 1. libvirt mdev lookup ----

    static Finding targetVfioUnknown(String kind, String uuid) {
        return Finding.lazy(UNVERIFIABLE, ERROR, null, () -> new Texts(
                "target snapshot (" + kind + ") does not describe vfio_ap",
                "The target snapshot (" + kind + " source) does not describe vfio_ap, so it is "
                + "unknown whether mdev " + uuid + " exists there and whether vfio_ap can migrate.",
                SYSFS_SNAPSHOT));
    }

    static Finding mdevMissing(String uuid) {
        return Finding.lazy(MDEV_MISSING, ERROR, null, () -> new Texts(
                "no mdev " + uuid,
                "The target has no mdev " + uuid + ", so libvirt stops the migration before any "
                + "kernel code runs. Its adapters and domains need not be assigned: the source "
                + "configuration overlays them.",
                Choices.createCommand(uuid)));
    }

    // ---- 2. migratable feature ----

    static Finding vfioApNotLoaded() {
        return Finding.lazy(NOT_MIGRATABLE, ERROR, null, () -> new Texts(
                "vfio_ap is not loaded",
                "vfio_ap is not loaded on the target, so the device cannot be migrated there.",
                "modprobe vfio_ap on a kernel with the vfio-ap live-migration series"));
    }

    // ---- 3. Secure Execution gate ----

    static Finding seGuest(RuleSet rules, String uuid, boolean targetSe, boolean sourceSe) {
        return Finding.lazy(SE_GUEST, ERROR, null, () -> {
            String hosts = targetSe && sourceSe ? "Both hosts are"
                    : targetSe ? "The target host is" : "The source host is";
            String what = rules.seMeansNoMigrationSupport()
                    ? "its vfio_ap registers no migration support at all, so the device is not "
                    + "migratable (nothing is logged)"
                    : "vfio_ap fails every migration state change with EPERM and logs '"
                    + KernelLog.seNotAllowed(uuid) + "'";
            return new Texts(
                    (targetSe && sourceSe ? "both hosts are" : targetSe ? "target is" : "source is")
                    + " a Secure Execution guest (APSB)",
                    hosts + " a Secure Execution guest with AP secure binding (APSB in "
                    + "/sys/bus/ap/features): " + what + ".",
                    "vfio-ap guests cannot migrate from or to an SE host; choose a host that is "
                    + "not an SE guest");
        });
    }

    // ---- 5. queue availability ----

    static Finding masksUnknown() {
        return Finding.lazy(UNVERIFIABLE, ERROR, null, () -> new Texts(
                "target snapshot lacks apmask/aqmask",
                "The target snapshot does not show /sys/bus/ap/apmask and aqmask, so it is "
                + "unknown whether the guest's APQNs are reserved for the host's default drivers.",
                SYSFS_SNAPSHOT));
    }

    /** Why a queue device is missing, most specific first; {@code cardDeconfigured} from config=0. */
    static Finding queueMissing(String uuid, Apqn q, boolean adapterNotConfigured,
            boolean domainNotUsage, boolean cardDeconfigured) {
        return Finding.lazy(QUEUE_MISSING, ERROR, q, () -> {
            String card = Guest.cardName(q.adapter());
            String problem;
            String why;
            String fix;
            if (adapterNotConfigured) {
                problem = "adapter " + adapter(q.adapter()) + " not configured to the target";
                why = "adapter " + adapter(q.adapter()) + " is not configured to the target "
                        + "(not in /sys/bus/ap/ap_adapter_mask)";
                fix = "add adapter " + adapter(q.adapter()) + " to the target LPAR's crypto "
                        + "configuration (HMC)";
            } else if (domainNotUsage) {
                problem = "domain " + domain(q.domain()) + " not a usage domain of the target";
                why = "domain " + domain(q.domain()) + " is not a usage domain of the target "
                        + "(not in /sys/bus/ap/ap_usage_domain_mask)";
                fix = "add usage domain " + domain(q.domain()) + " to the target LPAR's crypto "
                        + "configuration (HMC)";
            } else if (cardDeconfigured) {
                problem = card + " is deconfigured";
                why = card + " is deconfigured";
                fix = "echo 1 > /sys/bus/ap/devices/" + card + "/config";
            } else {
                problem = "no queue device on the target";
                why = "no such queue device exists";
                fix = "make adapter " + adapter(q.adapter()) + " and domain " + domain(q.domain())
                        + " available to the target LPAR and bring the card online";
            }
            return new Texts(problem,
                    "The target has no queue device " + q + ": " + why + ". The kernel logs '"
                    + KernelLog.queueNotAvailable(uuid, q) + "' and fails with ENODEV.", fix);
        });
    }

    /**
     * A guest queue the target's masks keep for the host. {@code driver} is the bound driver
     * when it is not vfio_ap (then the kernel stops at step 5), else null (step 8). The fix is
     * {@code choice}'s edit of {@code mask}, the target's apmask or aqmask as it names.
     */
    static Finding reservedForHost(String uuid, Apqn q, boolean onVfio, String driver,
            Choices.MaskChoice choice, ApMask mask) {
        return Finding.lazy(APQN_RESERVED_FOR_HOST, ERROR, q, () -> {
            int collateral = choice.collateral().size();
            String effect = onVfio
                    ? "the set-configuration step fails with EADDRNOTAVAIL (nothing is logged)"
                    : "it is bound to " + (driver == null ? "a default driver" : driver) + ", not "
                    + "vfio_ap, so the kernel logs '" + KernelLog.queueNotAvailable(uuid, q)
                    + "' and fails with ENODEV";
            return new Texts(
                    "reserved for the host (apmask/aqmask)",
                    "Queue " + q + " is reserved for the host's default crypto drivers: adapter "
                    + adapter(q.adapter()) + " is set in /sys/bus/ap/apmask and domain "
                    + domain(q.domain()) + " in /sys/bus/ap/aqmask; " + effect + ". The fix is the "
                    + "smallest edit that frees every reserved guest queue; "
                    + (collateral == 0 ? "no other queue leaves"
                    : plural(collateral, "other queue leaves", "other queues leave"))
                    + " the host's drivers (ap4j plan lists them).",
                    Choices.maskCommand(choice, mask));
        });
    }

    static Finding notOnVfioAp(String uuid, Apqn q, String driver, boolean vfioApLoaded) {
        return Finding.lazy(QUEUE_NOT_ON_VFIO_AP, ERROR, q, () -> new Texts(
                driver == null ? "bound to no driver" : "bound to " + driver + ", not vfio_ap",
                "Queue " + q + " is " + (driver == null ? "bound to no driver" : "bound to " + driver)
                + " on the target although apmask/aqmask do not reserve it, so the kernel logs '"
                + KernelLog.queueNotAvailable(uuid, q) + "' and fails with ENODEV.",
                (vfioApLoaded ? "" : "modprobe vfio_ap; ")
                + (driver == null ? "" : "echo " + q + " > /sys/bus/ap/drivers/" + driver + "/unbind; ")
                + "echo " + q + " > /sys/bus/ap/drivers/vfio_ap/bind"));
    }

    static Finding notOperational(Apqn q, boolean chkstop) {
        return Finding.lazy(QUEUE_NOT_OPERATIONAL, WARNING, q, () -> {
            String state = chkstop ? "check-stopped" : "deconfigured";
            return new Texts(
                    "target queue is " + state,
                    "Target queue " + q + " is " + state + ". The kernel still accepts it (TAPQ "
                    + "response codes 0x03 and 0x04 count as success), but the guest cannot use it "
                    + "after the migration.",
                    chkstop ? "repair the card" : "echo 1 > /sys/bus/ap/devices/"
                    + Guest.cardName(q.adapter()) + "/config");
        });
    }

    static Finding driversUnknown(int queues) {
        return Finding.lazy(UNVERIFIABLE, ERROR, null, () -> new Texts(
                "target snapshot lacks the drivers of " + plural(queues, "queue", "queues"),
                "The target snapshot does not say which driver " + plural(queues,
                "of the guest's queues is", "of the guest's queues are") + " bound to, so the "
                + "vfio_ap binding check cannot be predicted.",
                SYSFS_SNAPSHOT));
    }

    // ---- 6. control domains ----

    static Finding controlDomainMaskUnknown() {
        return Finding.lazy(UNVERIFIABLE, ERROR, null, () -> new Texts(
                "target snapshot lacks the control-domain mask",
                "The target snapshot does not show /sys/bus/ap/ap_control_domain_mask, so the "
                + "control-domain check cannot be predicted.",
                SYSFS_SNAPSHOT));
    }

    /** {@code noQci}: no mask at all; else {@code maxDomain} non-null when above the maximum. */
    static Finding controlDomainMissing(String uuid, int d, boolean noQci, Integer maxDomain) {
        return Finding.lazy(CONTROL_DOMAIN_MISSING, ERROR, null, () -> {
            String why = noQci
                    ? "the target has no QCI, so its kernel reports no control domains at all"
                    : maxDomain == null
                    ? "it is not in the target's /sys/bus/ap/ap_control_domain_mask"
                    : "it is above the target's ap_max_domain_id " + domain(maxDomain);
            return new Texts(
                    "control domain " + domain(d) + " not on the target",
                    "Control domain " + domain(d) + " of the guest is not available on the "
                    + "target: " + why + ". The kernel logs '"
                    + KernelLog.controlDomainMissing(uuid, d) + "' and fails with ENODEV. Instead "
                    + "of the fix, the domain can be removed from the guest on the source: echo 0x"
                    + domain(d) + " > /sys/devices/vfio_ap/matrix/" + uuid
                    + "/unassign_control_domain.",
                    "add control domain " + domain(d) + " to the target LPAR (HMC image profile)");
        });
    }

    // ---- 7. per-queue TAPQ and hardware information ----

    static Finding tapqFailed(RuleSet rules, String uuid, Apqn q, int rc, boolean async) {
        return Finding.lazy(TAPQ_FAILED, ERROR, q, () -> new Texts(
                "TAPQ fails on the target (" + rcName(rc) + ")",
                "TAPQ on target queue " + q + " answers response code " + rcName(rc)
                + (async ? " with an asynchronous error pending" : "") + ", which the "
                + rules.label() + " code treats as a failure: it logs '"
                + KernelLog.tapqFailed(rules, uuid, q, rc) + "' and fails with "
                + RuleSet.tapqErrno(rc).name() + ". Check that the queue is configured and not "
                + "check-stopped.",
                "echo 1 > /sys/bus/ap/devices/" + q + "/reset, then check again"));
    }

    static Finding tapqErrorIgnored(RuleSet rules, Apqn q, int rc, boolean async) {
        return Finding.lazy(TAPQ_ERROR_IGNORED, WARNING, q, () -> new Texts(
                "TAPQ error " + rcName(rc) + " treated as success",
                "TAPQ on target queue " + q + " answers response code " + rcName(rc)
                + (async ? " with an asynchronous error pending" : "") + "; the " + rules.label()
                + " code treats that as success and compares whatever hardware information TAPQ "
                + "returned.",
                "echo 1 > /sys/bus/ap/devices/" + q + "/reset before migrating"));
    }

    private static final String[] FACILITY_NAMES = {"APSC", "AP4KM (mex4k)", "AP4KC (crt4k)",
        "CCA coprocessor mode", "accelerator mode", "EP11 (XCP) mode", "APXA", "SLCF"};

    /** Why two GR2 words are incompatible under {@code rules}, in the kernel report's order. */
    static List<String> incompatibilities(RuleSet rules, Apqn q, long s, long t) {
        List<String> why = new ArrayList<>();
        for (int b = 0; b < FACILITY_NAMES.length; b++) {
            if (QueueHwInfo.bitOf(s, b) != QueueHwInfo.bitOf(t, b)) {
                why.add(FACILITY_NAMES[b] + " " + (QueueHwInfo.bitOf(s, b) ? "on the source only"
                        : "on the target only"));
            }
        }
        int sat = QueueHwInfo.typeOf(s);
        int tat = QueueHwInfo.typeOf(t);
        if (sat > tat) {
            why.add("source type " + type(sat) + " is newer than the target's " + type(tat));
        }
        int sbs = QueueHwInfo.bindStateOf(s);
        int tbs = QueueHwInfo.bindStateOf(t);
        if (sbs != 0 || tbs != 0) {
            why.add("bind state must be 0 on both sides (source " + sbs + ", target " + tbs
                    + "; unbind the SE queue with echo 0 > /sys/bus/ap/devices/" + q + "/se_bind)");
        }
        if (QueueHwInfo.fullNativeOf(s) && !QueueHwInfo.fullNativeOf(t)) {
            why.add("full native function on the source, only stateless functions on the target");
        }
        long facDiff = (s ^ t) & QueueHwInfo.GR2_FAC & ~QueueHwInfo.GR2_FACILITIES
                & ~QueueHwInfo.GR2_BS;
        if (rules == RuleSet.V3 && facDiff != 0) {
            why.add("the 32-bit facility words differ outside bits 0-7 (source "
                    + hex8(QueueHwInfo.functionsOf(s)) + ", target " + hex8(QueueHwInfo.functionsOf(t))
                    + ": class byte or reserved bits 18-31), and the v3 code requires the whole "
                    + "word to be equal");
        }
        return why;
    }

    static Finding hwinfoIncompatible(RuleSet rules, Apqn q, long src, long tgt) {
        return Finding.lazy(HWINFO_INCOMPATIBLE, ERROR, q, () -> new Texts(
                String.join("; ", shortIncompatibilities(rules, src, tgt)),
                "Source queue " + q + " (ap_functions " + hex8(QueueHwInfo.functionsOf(src))
                + ", type " + QueueHwInfo.typeOf(src) + ") and target queue ("
                + hex8(QueueHwInfo.functionsOf(tgt)) + ", type " + QueueHwInfo.typeOf(tgt)
                + ") are not compatible under rules " + rules.label() + ": "
                + String.join("; ", incompatibilities(rules, q, src, tgt)) + ". The kernel logs "
                + "the incompatibility report and fails with " + rules.incompatibleErrno().name()
                + ". A different adapter on the target needs the same adapter number on the "
                + "source guest.",
                "use a target card of the same mode and facilities and the same or a newer type, "
                + "or change the card's mode (HMC/SE)"));
    }

    private static final String[] FACILITY_SHORT = {"APSC", "AP4KM", "AP4KC", "CCA mode",
        "accelerator mode", "EP11 mode", "APXA", "SLCF"};

    /** {@link #incompatibilities} in a few words each, for the table. */
    private static List<String> shortIncompatibilities(RuleSet rules, long s, long t) {
        List<String> why = new ArrayList<>();
        for (int b = 0; b < FACILITY_SHORT.length; b++) {
            if (QueueHwInfo.bitOf(s, b) != QueueHwInfo.bitOf(t, b)) {
                why.add(FACILITY_SHORT[b] + (QueueHwInfo.bitOf(s, b) ? " only on the source"
                        : " only on the target"));
            }
        }
        if (QueueHwInfo.typeOf(s) > QueueHwInfo.typeOf(t)) {
            why.add("source type " + type(QueueHwInfo.typeOf(s)) + " newer than "
                    + type(QueueHwInfo.typeOf(t)));
        }
        if (QueueHwInfo.bindStateOf(s) != 0 || QueueHwInfo.bindStateOf(t) != 0) {
            why.add("bind state not 0");
        }
        if (QueueHwInfo.fullNativeOf(s) && !QueueHwInfo.fullNativeOf(t)) {
            why.add("target only stateless");
        }
        long facDiff = (s ^ t) & QueueHwInfo.GR2_FAC & ~QueueHwInfo.GR2_FACILITIES
                & ~QueueHwInfo.GR2_BS;
        if (rules == RuleSet.V3 && facDiff != 0) {
            why.add("facility words differ (v3)");
        }
        return why.isEmpty() ? List.of("hardware not compatible") : why;
    }

    /** {@code 14 (CEX8)}, or the number alone when the type has no name here. */
    private static String type(int rawType) {
        String name = ApType.nameOrNull(rawType);
        return rawType + (name == null ? "" : " (" + name + ")");
    }

    /**
     * {@code "0x%08X"} without {@link String#format}: this runs once per incompatible queue, and
     * a Formatter costs about 0.5 us a call (CheckBenchmark, incompatible target).
     */
    static String hex8(int v) {
        String h = Integer.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        return "0x" + "00000000".substring(h.length()) + h;
    }

    static Finding mkvpsUnverified(int count, int total, String sample) {
        return Finding.lazy(MKVP_UNVERIFIED, INFO, null, () -> new Texts(
                "master keys of " + count + " of " + plural(total, "queue", "queues")
                + " not compared",
                "Master keys of " + count + " of " + plural(total, "queue", "queues") + " ("
                + sample + ") could not be compared: mkvps is shown only for queues bound to a "
                + "zcrypt driver, and not for vfio_ap-bound ones. The kernel never compares master "
                + "keys.",
                "compare the master-key patterns in the guest (lszcrypt -c) or on the TKE"));
    }

    static Finding mkvpMismatch(Apqn q, String keyType, String sourcePattern, String targetPattern) {
        return Finding.lazy(MKVP_MISMATCH, WARNING, q, () -> new Texts(
                "current " + keyType + " master key differs",
                "The current " + keyType + " master key of queue " + q + " differs: source "
                + "pattern " + sourcePattern + ", target " + targetPattern + ". The kernel does "
                + "not check this, but the guest's secure keys stop working after the migration.",
                "load the source's " + keyType + " master key into domain " + domain(q.domain())
                + " of the target card (TKE or the CCA/EP11 admin tools)"));
    }

    // ---- 8. set configuration ----

    static Finding otherMatrixUnknown(String otherUuid) {
        return Finding.lazy(UNVERIFIABLE, ERROR, null, () -> new Texts(
                "target snapshot lacks mdev " + otherUuid + "'s matrix",
                "The target snapshot does not show mdev " + otherUuid + "'s matrix, so sharing "
                + "with it cannot be predicted.",
                SYSFS_SNAPSHOT));
    }

    /**
     * {@code logged}: the kernel logs this APQN (the first sharing mdev only). The fix unassigns
     * {@code q}'s adapter from the other mdev when {@code release} says so, else its domain.
     */
    static Finding inUseByOtherMdev(String uuid, Apqn q, String otherUuid, boolean logged,
            Choices.ReleaseChoice release) {
        int collateral = release.collateral().size();
        return Finding.lazy(APQN_IN_USE_BY_OTHER_MDEV, ERROR, q, () -> new Texts(
                "assigned to another mdev",
                "Queue " + q + " is assigned to mdev " + otherUuid + " on the target, so the "
                + "set-configuration step fails with EADDRINUSE"
                + (logged ? " and logs '" + KernelLog.sharingError(uuid, q, otherUuid) + "'"
                : " (once the mdevs listed before it release theirs)") + "."
                + (collateral == 0 ? "" : " With the fix, mdev " + otherUuid + " also loses "
                + plural(collateral, "queue", "queues") + " the guest does not need; a running "
                + "guest sees them unplugged."),
                Choices.unassignCommand(otherUuid, release.adapters(),
                        release.adapters() ? q.adapter() : q.domain())));
    }

    static Finding maximaUnknown() {
        return Finding.lazy(UNVERIFIABLE, ERROR, null, () -> new Texts(
                "target snapshot lacks ap_max_adapter_id/ap_max_domain_id",
                "The target snapshot does not show /sys/bus/ap/ap_max_adapter_id and "
                + "ap_max_domain_id, so the id-range check cannot be predicted.",
                SYSFS_SNAPSHOT));
    }

    static Finding adaptersAboveMaximum(ApMask over, int max) {
        return Finding.lazy(ID_ABOVE_MAXIMUM, ERROR, null, () -> {
            String ids = plural(over.cardinality(), "adapter", "adapters") + " " + adapters(over);
            return new Texts(
                    ids + " above ap_max_adapter_id " + adapter(max),
                    ids.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ids.substring(1)
                    + (over.cardinality() == 1 ? " lies" : " lie") + " above the target's "
                    + "ap_max_adapter_id " + adapter(max) + ", so the set-configuration step fails "
                    + "with ENODEV (nothing is logged); the target cannot address "
                    + (over.cardinality() == 1 ? "it" : "them") + ".",
                    "move the guest to adapters at or below " + adapter(max) + " on the source, or "
                    + "pick a target with APXA and more adapters");
        });
    }

    static Finding domainsAboveMaximum(ApMask over, int max) {
        return Finding.lazy(ID_ABOVE_MAXIMUM, ERROR, null, () -> {
            String ids = plural(over.cardinality(), "domain", "domains") + " " + domains(over);
            return new Texts(
                    ids + " above ap_max_domain_id " + domain(max),
                    ids.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ids.substring(1)
                    + (over.cardinality() == 1 ? " lies" : " lie") + " above the target's "
                    + "ap_max_domain_id " + domain(max) + ", so the set-configuration step fails "
                    + "with ENODEV (nothing is logged).",
                    "move the guest to domains at or below " + domain(max) + " on the source, or "
                    + "pick a target whose LPAR has more domains");
        });
    }

    // ---- ids and words as the kernel and an administrator write them ----

    /** An adapter id as the kernel prints it, {@code %02x}. */
    static String adapter(int id) {
        return KernelLog.hex(id, 2);
    }

    /** A domain id as the kernel prints it, {@code %04x}. */
    static String domain(int id) {
        return KernelLog.hex(id, 4);
    }

    /** Adapter ids, space-separated, {@code 10 11}. */
    static String adapters(ApMask m) {
        return ids(m, 2);
    }

    /** Domain ids, space-separated, {@code 0033 0034}. */
    static String domains(ApMask m) {
        return ids(m, 4);
    }

    private static String ids(ApMask m, int digits) {
        StringBuilder sb = new StringBuilder();
        for (int id = m.nextSetId(0); id >= 0; id = id + 1 < ApMask.BITS ? m.nextSetId(id + 1) : -1) {
            sb.append(sb.length() == 0 ? "" : " ").append(KernelLog.hex(id, digits));
        }
        return sb.toString();
    }

    /** {@code 1 queue}, {@code 4 queues}. */
    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String rcName(int rc) {
        ResponseCode r = ResponseCode.byCodeOrNull(rc);
        return "0x" + KernelLog.hex(rc, 2) + (r == null ? "" : " " + r.name());
    }
}
