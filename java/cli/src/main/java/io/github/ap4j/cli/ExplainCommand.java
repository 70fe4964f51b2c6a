// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import io.github.ap4j.explain.ExplainReport;
import io.github.ap4j.explain.Explainer;
import io.github.ap4j.explain.LogInput;
import io.github.ap4j.snapshot.HostSnapshot;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ap4j explain}: what the logs of a failed migration say went wrong, and the fix. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Read the logs of a failed vfio-ap migration (virsh console errors, "
                + "libvirt journal, QEMU logs, dmesg or journalctl -k of either host, pasted as "
                + "they are) and say what went wrong, on which queue, under which rule, and what "
                + "to change.",
            "With --source and --target snapshots the fix becomes the exact command, and the "
                + "snapshots confirm or contradict the logs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:at least one failure was explained",
            "1:the input held migration failure lines that could not be explained (or none)",
            "2:usage error or unreadable input", "3:a snapshot source is unavailable here",
            "4:internal error"})
final class ExplainCommand implements Callable<Integer> {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Where {@code -} reads from; tests replace it. */
    static InputStream stdin = System.in;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Log files; none or - reads standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--source", paramLabel = "SRC",
            description = "Snapshot of the source host (needs --target).")
    String source;

    @Option(names = "--target", paramLabel = "TGT",
            description = "Snapshot of the destination host (needs --source).")
    String target;

    @Option(names = "--mdev", paramLabel = "UUID",
            description = "Only the lines about this mdev (and those that name none).")
    String mdev;

    @Mixin
    OutputFormat.Choice format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((source == null) != (target == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--source and --target go together: the check needs both hosts");
        }
        if (mdev != null && !UUID.matcher(mdev).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--mdev: not a UUID: " + BadInputException.quote(mdev));
        }
        List<String> lines = new ArrayList<>();
        for (String f : files.isEmpty() ? List.of("-") : files) {
            lines.addAll(f.equals("-") ? LogInput.read(stdin, "<stdin>") : LogInput.read(Path.of(f)));
        }
        HostSnapshot s = source == null ? null : Snapshots.open(source);
        HostSnapshot t = target == null ? null : Snapshots.open(target);
        ExplainReport report = Explainer.explain(lines, mdev, s, t);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Json.write(out, ExplainViews.json(report));
        } else {
            out.print(ExplainViews.text(report));
            out.flush();
        }
        return report.diagnoses().isEmpty() ? ExitCode.INCOMPATIBLE : ExitCode.OK;
    }
}
