// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.Plan;
import io.github.ap4j.check.Planner;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ap4j plan}: the commands that make a target ready for the guest; writes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print (never run) the commands an administrator runs on the target so that "
                + "the guest behind mdev UUID can migrate there: create the mdev, release APQNs "
                + "other mdevs hold, the smallest apmask/aqmask edit, rebinds; and what no "
                + "command fixes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the printed commands make the target compatible",
            "1:problems remain that no command on the target fixes (listed)",
            "2:usage error or bad input (names the file)", "3:a snapshot source is unavailable here",
            ExitCode.HELP_BUG,
            "5:no known blocker, but the target snapshot lacks facts (an lszcrypt listing)"})
final class PlanCommand implements Callable<Integer> {

    @Mixin
    HostPairOptions hosts;

    @Mixin
    GuestOptions guest;

    /** What {@code plan} prints. */
    enum Format {
        text, json, mdevctl, script
    }

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, mdevctl (the destination mdev as an mdevctl JSON "
                    + "definition, for 'mdevctl define --uuid UUID --parent matrix --jsonfile "
                    + "FILE') or script (a 'set -e' shell script, a comment per step, with the "
                    + "persistent chzdev form of mask edits). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var r = hosts.ruleSet();
        String source = hosts.source;
        String target = hosts.onlyTarget();
        Stdio stdio = Ap4j.stdio(spec);
        var src = Snapshots.open(source, stdio, "--source");
        String mdev = guest.uuid(spec, src);
        var ts = Snapshots.openTarget(target, stdio);
        var tgt = new MigrationCheck.Target(target.equals("-") ? Stdio.NAME : target, ts);
        Plan p = Planner.plan(src, Map.of(), mdev, tgt, r);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> warnings = PlanForms.runningGuestWarnings(p, ts);
        for (String w : warnings) {
            err.println(w);
        }
        err.flush();
        switch (format) {
            case json:
                Json.write(out, CheckViews.plan(p));
                break;
            case mdevctl:
                Json.write(out, PlanForms.mdevctl(src, p.mdev()));
                err.println("define it with: mdevctl define --uuid " + p.mdev()
                        + " --parent matrix --jsonfile FILE");
                err.flush();
                break;
            case script:
                out.print(PlanForms.script(p, src, warnings));
                break;
            default:
                out.print(p.toText());
        }
        out.flush();
        return ExitCode.of(p.verdict());
    }
}
