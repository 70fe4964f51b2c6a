// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.Ap4jException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.Finding;
import io.github.ap4j.check.FindingCode;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.Severity;
import io.github.ap4j.check.TargetReport;
import io.github.ap4j.libvirt.DomainXml;
import io.github.ap4j.libvirt.GuestDescriptor;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.snapshot.ReadScope;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The libvirt hook's decision for one incoming migration, on the destination host, before QEMU
 * starts (libvirt {@code docs/hooks.rst}: {@code /etc/libvirt/hooks/qemu GUEST migrate begin -}
 * with the domain XML on stdin). Reads the guest's descriptor from that XML, reads this host's
 * sysfs ({@code SYSFS_ROOT} honoured) and runs the same check as {@code ap4j check}. Never
 * writes stdout (libvirt would take it as a replacement domain XML), never calls libvirt (the
 * daemon waits for the hook: a call back deadlocks it), never writes sysfs. The whole decision
 * is bounded by the configured timeout: the work runs in a daemon thread, and when the bound
 * passes the policy decides, whatever the thread is blocked in (a hung sysfs read, a stdin that
 * never ends). Design and contract: docs/libvirt-hook.md.
 */
final class LibvirtHook {

    /** What the hook decided. */
    enum Outcome {
        /** No vfio-ap hostdev: nothing for ap4j to judge; allowed without a log line. */
        NOT_AP(ExitCode.OK),
        /** Checked: compatible. */
        COMPATIBLE(ExitCode.OK),
        /** Checked: incompatible; the migration is cancelled. */
        INCOMPATIBLE(ExitCode.INCOMPATIBLE),
        /** Not checked, policy allow. */
        UNCHECKED_ALLOWED(ExitCode.OK),
        /** Not checked, policy deny. */
        UNCHECKED_DENIED(ExitCode.UNVERIFIABLE);

        final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    /**
     * A decision.
     *
     * @param outcome what happened
     * @param mdev    the guest's mdev, or null when unknown
     * @param reason  one line for the system log
     * @param stderr  what libvirt shows after "unexpected exit status N: " (empty when allowed)
     */
    record Decision(Outcome outcome, String mdev, String reason, String stderr) {
    }

    /** What the worker found before the policy applies. */
    private record Work(Outcome outcome, String mdev, String reason, CheckReport report) {
    }

    private final HookConfig config;
    private final Map<String, String> env;

    LibvirtHook(HookConfig config, Map<String, String> env) {
        this.config = config;
        this.env = env;
    }

    /** Decides for guest {@code guest}, reading the domain XML from {@code stdin}. */
    Decision decide(String guest, InputStream stdin) {
        AtomicReference<String> stage = new AtomicReference<>("reading the domain XML on stdin");
        AtomicReference<String> mdev = new AtomicReference<>();
        CompletableFuture<Work> work = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                work.complete(work(stdin, stage, mdev));
            } catch (Throwable e) {
                work.completeExceptionally(e);
            }
        }, "ap4j-libvirt-hook");
        t.setDaemon(true);
        t.start();
        Work w;
        long secs = config.timeout().toSeconds();
        try {
            w = work.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return unchecked(guest, mdev.get(), "no decision within " + secs + " s (still "
                    + stage.get() + ")");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String why = c instanceof Ap4jException ? c.getMessage()
                    : c instanceof VirtualMachineError ? "ap4j ran out of resources: " + c
                    : "internal error in ap4j: " + c;
            return unchecked(guest, mdev.get(), why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unchecked(guest, mdev.get(), "interrupted");
        }
        String name = quoted(guest);
        switch (w.outcome()) {
            case NOT_AP:
                return new Decision(Outcome.NOT_AP, null, "guest " + name + " has no vfio-ap hostdev", "");
            case COMPATIBLE:
                return new Decision(Outcome.COMPATIBLE, w.mdev(), "allowed migration of guest "
                        + name + " (mdev " + w.mdev() + "): compatible with this host (rules "
                        + config.rules().label() + ")", "");
            case INCOMPATIBLE:
                return incompatible(name, w.mdev(), w.report().targets().get(0));
            default:
                return unchecked(guest, w.mdev(), w.reason());
        }
    }

    private Work work(InputStream stdin, AtomicReference<String> stage,
            AtomicReference<String> mdevOut) {
        byte[] xml = Stdio.readAll(stdin, DomainXml.MAX_BYTES, "the domain XML on stdin");
        stage.set("parsing the domain XML");
        DomainXml d = DomainXml.parse(xml, "the domain XML on stdin");
        if (d.mdev().isEmpty()) {
            return new Work(Outcome.NOT_AP, null, null, null);
        }
        String uuid = d.mdev().get();
        mdevOut.set(uuid);
        if (d.descriptor().isEmpty()) {
            return new Work(Outcome.UNCHECKED_ALLOWED, uuid, "the domain XML has no ap4j guest "
                    + "descriptor (run 'ap4j describe' on the source host and store it with "
                    + "virsh metadata)", null);
        }
        GuestDescriptor g = d.descriptor().get();
        stage.set("reading this host's sysfs");
        HostSnapshot here = SnapshotSources.open(SnapshotSources.SYSFS, env,
                ReadScope.MIGRATION);
        stage.set("checking");
        CheckReport r = MigrationCheck.check(g.toSnapshot("guest descriptor from " + g.host()),
                uuid, List.of(new MigrationCheck.Target("this host", here)), config.rules());
        TargetReport t = r.targets().get(0);
        if (t.compatible()) {
            return new Work(Outcome.COMPATIBLE, uuid, null, r);
        }
        if (unverifiableOnly(t)) {
            return new Work(Outcome.UNCHECKED_ALLOWED, uuid, "the check cannot decide: "
                    + t.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                    .map(f -> f.code().name()).distinct().reduce((a, b) -> a + ", " + b).orElse("")
                    , r);
        }
        return new Work(Outcome.INCOMPATIBLE, uuid, null, r);
    }

    /** Only unknowns stand between the guest and a verdict: no error says "incompatible". */
    static boolean unverifiableOnly(TargetReport t) {
        if (t.errno() != null) {
            return false;
        }
        for (Finding f : t.findings()) {
            if (f.severity() == Severity.ERROR && f.code() != FindingCode.UNVERIFIABLE
                    && f.code() != FindingCode.HWINFO_UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    private Decision unchecked(String guest, String mdev, String why) {
        String name = quoted(guest);
        String m = mdev == null ? "" : " (mdev " + mdev + ")";
        if (config.policy() == HookConfig.Policy.ALLOW) {
            return new Decision(Outcome.UNCHECKED_ALLOWED, mdev, "allowed migration of guest "
                    + name + m + " without a check: " + why + " (policy allow, "
                    + config.origin() + ")", "");
        }
        String reason = "denied migration of guest " + name + m + ": " + why + " (policy deny, "
                + config.origin() + ")";
        return new Decision(Outcome.UNCHECKED_DENIED, mdev, reason, "ap4j: " + reason + "\n");
    }

    private Decision incompatible(String name, String mdev, TargetReport t) {
        StringBuilder codes = new StringBuilder();
        StringBuilder err = new StringBuilder();
        err.append("ap4j: guest ").append(name).append(" (mdev ").append(mdev)
                .append(") is INCOMPATIBLE with this host")
                .append(t.errno() == null ? "" : " (the kernel would return -" + t.errno().name() + ")")
                .append('\n');
        for (String l : t.kernelLog()) {
            err.append("  log: ").append(l).append('\n');
        }
        for (Finding f : t.findings()) {
            if (f.severity() != Severity.ERROR) {
                continue;
            }
            String id = f.code().name() + (f.apqn() == null ? "" : " " + f.apqn());
            codes.append(codes.length() == 0 ? "" : ", ").append(id);
            String problem = f.problem();
            err.append("  ").append(id).append(": ").append(problem)
                    .append(problem.endsWith(".") ? " Fix: " : ". Fix: ")
                    .append(f.fix()).append('\n');
        }
        String reason = "denied migration of guest " + name + " (mdev " + mdev + "): incompatible "
                + "with this host" + (t.errno() == null ? "" : ", kernel returns -" + t.errno().name())
                + ": " + codes;
        return new Decision(Outcome.INCOMPATIBLE, mdev, reason, err.toString());
    }

    private static String quoted(String guest) {
        return io.github.ap4j.BadInputException.quote(guest);
    }

    /** An unavailable host counts as "cannot check", not as a bug. */
    static boolean isUnavailable(Throwable t) {
        return t instanceof UnavailableException;
    }
}
