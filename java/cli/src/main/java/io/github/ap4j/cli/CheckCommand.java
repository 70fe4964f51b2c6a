// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.Ap4jException;
import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.check.TargetReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ap4j check}: can the guest of an mdev migrate from the source to each target? */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Predict whether the guest behind mdev UUID can migrate from the source host "
                + "to each target host, with the vfio_ap driver's rules and log lines, and say "
                + "what to change.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every target is compatible", "1:at least one target is incompatible",
            "2:usage error or bad input (the source, the mdev)",
            "3:the source is unavailable here", ExitCode.HELP_BUG,
            "5:no target is incompatible, but some could not be verified (an lszcrypt listing, "
                + "an unreadable target)"})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    HostPairOptions hosts;

    @Mixin
    GuestOptions guest;

    @Option(names = "--all-mdevs",
            description = "Host evacuation: check every mdev of the source whose guest_matrix is "
                    + "not empty against every target; exit 0 only when each has a compatible "
                    + "target.")
    boolean allMdevs;

    @Mixin
    OutputFormat.Choice format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleSet r = hosts.ruleSet();
        String source = hosts.source;
        List<String> targets = hosts.targets;
        Stdio stdio = Ap4j.stdio(spec);
        var src = Snapshots.openSource(source, allMdevs ? null : guest.mdev, stdio);
        String mdev = allMdevs ? null : guest.uuid(spec, src);
        if (allMdevs && (guest.mdev != null || guest.domain != null || guest.guest != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--all-mdevs checks every guest of the source: give no --mdev, --domain or --guest");
        }
        if (allMdevs) {
            List<MigrationCheck.Target> ts = new ArrayList<>();
            for (String t : targets) {
                ts.add(new MigrationCheck.Target(t.equals("-") ? Stdio.NAME : t,
                        Snapshots.openTarget(t, stdio)));
            }
            Evacuation e = Evacuation.check(src, ts, r);
            PrintWriter out = spec.commandLine().getOut();
            if (format.json()) {
                Json.write(out, e.toJson());
            } else {
                out.print(e.toText());
                out.flush();
            }
            return e.everyGuestPlaced() ? ExitCode.OK : ExitCode.INCOMPATIBLE;
        }
        // One unreadable target must not hide the others' verdicts: it is reported in its place.
        List<MigrationCheck.Target> readable = new ArrayList<>();
        Map<Integer, TargetReport> unreadable = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            String t = targets.get(i);
            String label = t.equals("-") ? Stdio.NAME : t;
            try {
                readable.add(new MigrationCheck.Target(label, Snapshots.openTarget(t, src, mdev, stdio)));
            } catch (Ap4jException e) {
                unreadable.put(i, TargetReport.unreadable(label, Ap4j.oneLine(e.getMessage())));
            }
        }
        CheckReport checked = MigrationCheck.check(src, mdev, readable, r);
        List<TargetReport> all = new ArrayList<>(targets.size());
        Iterator<TargetReport> next = checked.targets().iterator();
        for (int i = 0; i < targets.size(); i++) {
            all.add(unreadable.containsKey(i) ? unreadable.get(i) : next.next());
        }
        CheckReport report = new CheckReport(checked.mdev(), checked.rules(), all);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Json.write(out, CheckViews.report(report));
        } else {
            out.print(CheckText.render(report, CheckText.ansi(), CheckText.verbose(spec)));
            out.flush();
        }
        return ExitCode.of(report.verdict());
    }
}
