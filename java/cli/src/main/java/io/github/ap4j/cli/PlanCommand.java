package io.github.ap4j.cli;

import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.Plan;
import io.github.ap4j.check.Planner;
import java.io.PrintWriter;
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

    @Option(names = "--source", required = true, paramLabel = "SRC",
            description = "Source host snapshot.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "TGT",
            description = "Target host snapshot.")
    String target;

    @Option(names = "--mdev", required = true, paramLabel = "UUID", converter = MdevUuid.class,
            description = "The mdev UUID.")
    String mdev;

    @Option(names = "--rules", defaultValue = "doc", paramLabel = "doc|v3",
            description = "Rule set the plan is checked with (default: ${DEFAULT-VALUE}).")
    String rules;

    @Mixin
    OutputFormat.Choice format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var r = CheckCommand.rules(spec, rules);
        var src = Snapshots.open(source);
        var tgt = new MigrationCheck.Target(target, Snapshots.open(target));
        Plan p = Planner.plan(src, Map.of(), mdev, tgt, r);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Json.write(out, CheckViews.plan(p));
        } else {
            out.print(p.toText());
            out.flush();
        }
        return ExitCode.of(p.verdict());
    }
}
