// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.libvirt.GuestDescriptor;
import io.github.ap4j.libvirt.GuestDescriptorXml;
import io.github.ap4j.snapshot.HostSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ap4j describe}: the guest's AP descriptor, for the guest's own libvirt domain XML, and
 * the {@code virsh metadata} command that stores it there (libvirt {@code docs/manpages/virsh.rst},
 * "metadata"). With it in the XML, the destination needs no snapshot of the source.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Print the guest's AP descriptor (one XML element in ap4j's namespace) for "
                + "its libvirt domain metadata, and on stderr the virsh command that stores it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:described", "2:usage error or bad input (no such mdev, no vfio-ap "
                + "hostdev)", "3:unavailable here (no AP bus, no virsh for --guest)",
            "4:internal error"})
final class DescribeCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "SRC",
            description = "The host the guest runs on (default: this host's sysfs, $SYSFS_ROOT "
                    + "or /sys).")
    String source;

    @Mixin
    GuestOptions guest;

    @Option(names = "--host", paramLabel = "NAME",
            description = "The source host's name to record (default: this host's name).")
    String host;

    @Option(names = "--print-command",
            description = "Print only the virsh metadata command, on stdout.")
    boolean printCommand;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HostSnapshot src = Snapshots.open(source == null ? "sysfs:" : source, Ap4j.stdio(spec),
                "--source");
        String uuid = guest.uuid(spec, src);
        GuestDescriptor d = GuestDescriptor.of(src, uuid, host == null ? localHostName() : host,
                version());
        String command = virshCommand(guest.connect, guest.domainName(spec).orElse("DOMAIN"), d);
        PrintWriter out = spec.commandLine().getOut();
        if (printCommand) {
            out.println(command);
        } else {
            out.print(GuestDescriptorXml.write(d));
            PrintWriter err = spec.commandLine().getErr();
            err.println("store it in the domain with:");
            err.println(command);
            err.flush();
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * {@code virsh [-c URI] metadata DOMAIN --uri NS --key ap4j --set 'XML' --live --config}:
     * {@code --live} and {@code --config} so both the running guest and its persistent
     * definition carry it (a running guest's migration sends the live XML).
     */
    static String virshCommand(String connect, String domain, GuestDescriptor d) {
        List<String> words = new ArrayList<>(List.of("virsh"));
        if (connect != null) {
            words.add("-c");
            words.add(connect);
        }
        words.addAll(List.of("metadata", domain, "--uri", GuestDescriptorXml.NAMESPACE, "--key",
                GuestDescriptorXml.KEY, "--set", GuestDescriptorXml.writeOneLine(d), "--live",
                "--config"));
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(shellQuote(w));
        }
        return sb.toString();
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

    /** A word as POSIX sh reads it back unchanged: bare when plain, else in single quotes. */
    static String shellQuote(String w) {
        if (PLAIN.matcher(w).matches()) {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }

    /** This host's name: the kernel's (as {@code hostname}(1) prints it), else the resolver's. */
    static String localHostName() {
        try {
            String n = Files.readString(Path.of("/proc/sys/kernel/hostname"),
                    StandardCharsets.US_ASCII).strip();
            if (!n.isEmpty()) {
                return n;
            }
        } catch (IOException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The ap4j version written into descriptors: the jar's, or {@code dev} in a build tree. */
    static String version() {
        String v = Ap4j.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
