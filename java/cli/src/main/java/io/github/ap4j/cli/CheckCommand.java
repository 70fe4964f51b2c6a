package io.github.ap4j.cli;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
            "2:usage error or unreadable input", "3:a snapshot source is unavailable here",
            "4:internal error"})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--source", required = true, paramLabel = "SRC",
            description = "Source host snapshot: sysfs tree, fixture directory or .tar.gz.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "TGT",
            description = "Target host snapshot; repeat for several targets (reported in this order).")
    List<String> targets;

    @Option(names = "--mdev", required = true, paramLabel = "UUID", converter = MdevUuid.class,
            description = "The mdev UUID.")
    String mdev;

    @Option(names = "--rules", defaultValue = "doc", paramLabel = "doc|v3",
            description = "Rule set: doc (documented/latest driver code) or v3 (posted v3/v4 "
                    + "patches). Default: ${DEFAULT-VALUE}.")
    String rules;

    @Mixin
    OutputFormat.Choice format;

    @Spec
    CommandSpec spec;

    static RuleSet rules(CommandSpec spec, String text) {
        try {
            return RuleSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rules: " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        RuleSet r = rules(spec, rules);
        var src = Snapshots.openSource(source, mdev);
        List<MigrationCheck.Target> ts = new ArrayList<>();
        for (String t : targets) {
            ts.add(new MigrationCheck.Target(t, Snapshots.openTarget(t, src, mdev)));
        }
        CheckReport report = MigrationCheck.check(src, mdev, ts, r);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Json.write(out, CheckViews.report(report));
        } else {
            out.print(report.toText());
            out.flush();
        }
        return report.allCompatible() ? ExitCode.OK : ExitCode.INCOMPATIBLE;
    }
}
