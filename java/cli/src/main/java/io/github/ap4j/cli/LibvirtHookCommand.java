// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ap4j libvirt-hook GUEST OPERATION SUB-OPERATION EXTRA}: called by libvirt as
 * {@code /etc/libvirt/hooks/qemu.d/NAME} with the domain XML on stdin (libvirt
 * {@code docs/hooks.rst}, {@code src/util/virhook.c} {@code virHookCall}). Only
 * {@code migrate begin} acts; see {@link LibvirtHook}.
 */
@Command(name = "libvirt-hook", mixinStandardHelpOptions = true,
        description = "The libvirt qemu hook: on 'GUEST migrate begin -' (the destination, "
                + "before QEMU starts) check the guest's ap4j descriptor from the domain XML on "
                + "stdin against this host and cancel an incompatible migration. Every other "
                + "operation exits 0 at once. Never writes stdout. Configuration: "
                + HookConfig.DEFAULT_PATH + ".",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:allowed (compatible, no vfio-ap hostdev, not 'migrate begin', or "
                + "unchecked with policy allow)", "1:denied: incompatible with this host",
            "2:usage error or a bad configuration file (the migration is cancelled)",
            "5:denied: the guest could not be checked and the policy is deny"})
final class LibvirtHookCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ARG", arity = "0..*",
            description = "GUEST OPERATION SUB-OPERATION EXTRA, as libvirt passes them.")
    List<String> args = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (args.size() != 4) {
            err.println("ap4j libvirt-hook: expected 4 arguments GUEST OPERATION SUB-OPERATION "
                    + "EXTRA, as libvirt passes them; got " + args.size());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (!args.get(1).equals("migrate") || !args.get(2).equals("begin")) {
            return ExitCode.OK; // not ours: stdin is left unread (libvirt ignores the EPIPE)
        }
        String guest = args.get(0);
        Map<String, String> env = System.getenv();
        SystemLog log = new SystemLog(env);
        HookConfig config;
        String configError = null;
        try {
            config = HookConfig.read(HookConfig.path(env));
        } catch (BadInputException e) {
            // A guest without vfio-ap is still allowed; any other is denied until it is fixed.
            configError = e.getMessage();
            config = HookConfig.defaults("bad configuration");
        }
        LibvirtHook.Decision d = new LibvirtHook(config, env).decide(guest, Ap4j.stdio(spec).stdin());
        if (configError != null && d.outcome() != LibvirtHook.Outcome.NOT_AP) {
            String reason = "denied migration of guest " + BadInputException.quote(guest)
                    + (d.mdev() == null ? "" : " (mdev " + d.mdev() + ")")
                    + ": bad configuration: " + configError;
            log.log(SystemLog.Priority.ERR, reason);
            err.println("ap4j: " + reason);
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        switch (d.outcome()) {
            case NOT_AP:
                break;
            case COMPATIBLE:
                log.log(SystemLog.Priority.NOTICE, d.reason());
                break;
            case UNCHECKED_ALLOWED:
                log.log(SystemLog.Priority.WARNING, d.reason());
                break;
            default:
                log.log(SystemLog.Priority.ERR, d.reason());
        }
        if (!d.stderr().isEmpty()) {
            err.print(d.stderr());
            err.flush();
        }
        return d.outcome().exitCode;
    }
}
