// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.libvirt.DomainXml;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Which guest a command is about: {@code --mdev UUID}, or the vfio-ap hostdev of a libvirt
 * domain ({@code --domain FILE|-}, or {@code --guest NAME} through {@code virsh dumpxml}), or,
 * when none is given, the mdev of a guest descriptor given as the source. A picocli mixin of
 * {@code check}, {@code plan} and {@code describe}.
 */
final class GuestOptions {

    @Option(names = "--mdev", paramLabel = "UUID", converter = MdevUuid.class,
            description = "The mdev UUID.")
    String mdev;

    @Option(names = "--domain", paramLabel = "FILE|-",
            description = "A libvirt domain XML ('virsh dumpxml'; '-' for stdin): the mdev is its "
                    + "vfio-ap hostdev's.")
    String domain;

    @Option(names = "--guest", paramLabel = "NAME",
            description = "A libvirt domain name: its XML is read with 'virsh dumpxml NAME'.")
    String guest;

    @Option(names = "--connect", paramLabel = "URI",
            description = "libvirt connection URI for --guest (virsh -c URI).")
    String connect;

    /** The domain XML named by --domain or --guest, read once. */
    private DomainXml domainXml;

    /** The domain XML of --domain or --guest, or empty when neither is given. */
    Optional<DomainXml> domainXml(CommandSpec spec) {
        if (domainXml != null) {
            return Optional.of(domainXml);
        }
        if (domain != null && guest != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --domain or --guest, not both");
        }
        if (domain != null) {
            byte[] xml = domain.equals("-") ? Ap4j.stdio(spec).readStdin("--domain")
                    : readFile(Path.of(domain));
            domainXml = DomainXml.parse(xml, domain.equals("-") ? Stdio.NAME : domain);
        } else if (guest != null) {
            domainXml = DomainXml.parse(Virsh.dumpxml(connect, guest), "virsh dumpxml " + guest);
        }
        return Optional.ofNullable(domainXml);
    }

    /** Where the domain XML came from, for messages. */
    String domainOrigin() {
        return domain != null ? (domain.equals("-") ? Stdio.NAME : domain)
                : "virsh dumpxml " + guest;
    }

    /** The domain's name, for the printed virsh command: --guest, else the XML's name. */
    Optional<String> domainName(CommandSpec spec) {
        if (guest != null) {
            return Optional.of(guest);
        }
        return domainXml(spec).flatMap(DomainXml::name);
    }

    /**
     * The mdev UUID: --mdev, else the domain's vfio-ap hostdev, else the source descriptor's;
     * a usage error when nothing names it.
     */
    String uuid(CommandSpec spec, HostSnapshot source) {
        if (mdev != null && (domain != null || guest != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --mdev or --domain/--guest, not both");
        }
        if (mdev != null) {
            return mdev;
        }
        Optional<DomainXml> d = domainXml(spec);
        if (d.isPresent()) {
            return d.get().requireMdev(domainOrigin());
        }
        if (source != null && source.provenance().kind() == SourceKind.DESCRIPTOR) {
            return source.matrix().get().mdevs().get(0).uuid();
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name the guest: --mdev UUID, --domain FILE|- or --guest NAME");
    }

    static byte[] readFile(Path p) {
        if (!Files.exists(p)) {
            throw new io.github.ap4j.BadInputException(p.toString(), "no such file");
        }
        if (!Files.isRegularFile(p)) {
            throw new io.github.ap4j.BadInputException(p.toString(), "not a regular file");
        }
        try (var in = Files.newInputStream(p)) {
            return Stdio.readAll(in, DomainXml.MAX_BYTES, p.toString());
        } catch (java.io.IOException e) {
            throw new io.github.ap4j.BadInputException(p.toString(), "cannot read: " + e.getMessage());
        }
    }
}
