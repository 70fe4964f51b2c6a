// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code describe}, and the guest's own XML as the source of {@code check}: checking the
 * descriptor must say exactly what checking the source host says.
 */
class DescribeCommandTest {
    static final String UUID = QuickStartTest.UUID;
    static final String SRC = QuickStartTest.SRC;
    static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    static final String DESCRIPTOR = """
            <guest xmlns="https://ap4j.github.io/xmlns/guest/1" format="1" \
            mdev="2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b" host="source-host" \
            taken="2026-07-01T10:00:00Z" ap4j="dev" source="fixture">
              <vfio-ap features="guest_matrix hotplug ap_config migratable"/>
              <bus features="APSC APXA QACT RC8A"/>
              <matrix adapters="5-6" domains="51-52" control-domains="51"/>
              <queue apqn="05.0033" functions="0x92800000" type="14"/>
              <queue apqn="05.0034" functions="0x92800000" type="14"/>
              <queue apqn="06.0033" functions="0x6a800000" type="13"/>
              <queue apqn="06.0034" functions="0x6a800000" type="13"/>
            </guest>
            """;

    /** The descriptor as virsh metadata --set gets it: the same element on one line. */
    static String oneLine() {
        return DESCRIPTOR.replace("\n  ", "").replace("\n</guest>", "</guest>").strip();
    }

    Path domain(String hostdevModel) throws Exception {
        Path p = tmp.resolve("guest1-" + hostdevModel + ".xml");
        Files.writeString(p, LibvirtHookTest.DOMAIN.replace("vfio-ap", hostdevModel));
        return p;
    }

    @Test
    void describeTheExampleGuest() throws Exception {
        CliRun r = CliRun.of("describe", "--source", SRC, "--domain", domain("vfio-ap").toString(),
                "--host", "source-host");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(DESCRIPTOR, r.out());
        assertEquals("store it in the domain with:" + NL + "virsh metadata guest1 --uri "
                + "https://ap4j.github.io/xmlns/guest/1 --key ap4j --set '"
                + oneLine() + "' --live --config" + NL, r.err());
        CliRun c = CliRun.of("describe", "--source", SRC, "--mdev", UUID, "--host", "source-host",
                "--print-command", "--connect", "qemu:///system");
        assertEquals("virsh -c qemu:///system metadata DOMAIN --uri https://ap4j.github.io/xmlns/guest/1"
                + " --key ap4j --set '" + oneLine() + "' --live --config"
                + NL, c.out());
        assertEquals("", c.err());
    }

    @Test
    void aDomainWithoutVfioApHostdevIsBadInput() throws Exception {
        Path d = domain("vfio-pci");
        CliRun r = CliRun.of("describe", "--source", SRC, "--domain", d.toString());
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("ap4j describe: " + d + ": the domain has no vfio-ap hostdev (<hostdev "
                + "mode='subsystem' type='mdev' model='vfio-ap'>), so it has no AP queues to check"
                + NL, r.err());
    }

    @Test
    void theGuestsXmlIsEnoughToCheckIt() throws Exception {
        Path xml = tmp.resolve("desc.xml");
        Files.writeString(xml, DESCRIPTOR);
        CliRun direct = CliRun.of("check", "--source", SRC, "--target", QuickStartTest.OK,
                "--target", QuickStartTest.BAD, "--mdev", UUID);
        CliRun viaXml = CliRun.of("check", "--source", xml.toString(), "--target",
                QuickStartTest.OK, "--target", QuickStartTest.BAD);
        assertEquals(1, direct.exitCode());
        assertEquals(direct.exitCode(), viaXml.exitCode());
        assertEquals(direct.out(), viaXml.out());
        assertEquals("", viaXml.err());
        // The same through stdin, and with the mdev taken from --domain.
        CliRun viaStdin = CliRun.withStdin(DESCRIPTOR.getBytes(StandardCharsets.UTF_8), "check",
                "--source", "-", "--target", QuickStartTest.OK, "--target", QuickStartTest.BAD);
        assertEquals(direct.out(), viaStdin.out());
        CliRun viaDomain = CliRun.of("check", "--source", SRC, "--domain",
                domain("vfio-ap").toString(), "--target", QuickStartTest.OK, "--target",
                QuickStartTest.BAD);
        assertEquals(direct.out(), viaDomain.out());
    }

    @Test
    void aDescriptorIsNotATarget() throws Exception {
        Path xml = tmp.resolve("desc.xml");
        Files.writeString(xml, DESCRIPTOR);
        CliRun r = CliRun.of("check", "--source", SRC, "--target", xml.toString(), "--mdev", UUID);
        // An unreadable target is reported in its place: unverifiable, exit 5.
        assertEquals(5, r.exitCode());
        assertTrue(r.out().contains(xml + ": an ap4j guest descriptor describes the source side "
                + "of one guest, not a target host; give a sysfs tree, fixture or lszcrypt text "
                + "of the target"), r.out());
    }

    @Test
    void onlyOneArgumentMayBeStdin() {
        CliRun r = CliRun.withStdin(DESCRIPTOR.getBytes(StandardCharsets.UTF_8), "check",
                "--source", "-", "--target", "-");
        assertEquals(5, r.exitCode());
        assertTrue(r.out().contains("--target: '-' (stdin) is already read by another argument: "
                + "only one of them may be '-'"), r.out());
    }

    @Test
    void noGuestNamed() {
        CliRun r = CliRun.of("check", "--source", SRC, "--target", QuickStartTest.OK);
        assertEquals(2, r.exitCode());
        assertEquals("ap4j check: name the guest: --mdev UUID, --domain FILE|- or --guest NAME" + NL,
                r.err());
    }

    @Test
    void guestThroughVirshOnTheTestDriver() {
        // libvirt's test driver defines one domain, 'test', with no vfio-ap hostdev.
        CliRun r = CliRun.of("check", "--source", SRC, "--target", QuickStartTest.OK, "--guest",
                "test", "--connect", "test:///default");
        assertEquals(2, r.exitCode());
        assertEquals("ap4j check: virsh dumpxml test: the domain has no vfio-ap hostdev (<hostdev "
                + "mode='subsystem' type='mdev' model='vfio-ap'>), so it has no AP queues to check"
                + NL, r.err());
        CliRun missing = CliRun.of("check", "--source", SRC, "--target", QuickStartTest.OK,
                "--guest", "nosuch", "--connect", "test:///default");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("ap4j check: --guest nosuch: virsh dumpxml failed "
                + "(exit 1): error: failed to get domain 'nosuch'"), missing.err());
    }

    @Test
    // Under qemu-user without binfmt (ci-s390x/run) a failed exec is reported differently by
    // the emulated JVM's VFORK launcher; the missing-virsh path is checked on x86_64.
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"},
            disabledReason = "process launch under qemu-user reports a missing program differently")
    void guestWithoutVirshIsUnavailable() throws Exception {
        HookProcess r = HookProcess.run(tmp, Map.of("PATH", tmp.toString()), new byte[0], false,
                "check", "--source", SRC, "--target", QuickStartTest.OK, "--guest", "guest1");
        assertEquals(3, r.exitCode());
        assertEquals("ap4j check: virsh: cannot run it (Cannot run program \"virsh\": error=2, "
                + "No such file or directory); install libvirt-clients, or give --domain FILE\n",
                r.stderr());
    }

    @Test
    void evacuationTable() {
        CliRun r = CliRun.of("check", "--all-mdevs", "--source", SRC, "--target", QuickStartTest.OK,
                "--target", QuickStartTest.BAD);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("evacuation, rules doc: 1 guest x 2 targets\n\n"
                + "guest (mdev)                          " + QuickStartTest.OK + "  " + QuickStartTest.BAD + "\n"
                + UUID + "  compatible" + " ".repeat(QuickStartTest.OK.length() - 8) + "INCOMPATIBLE -ENODEV\n"
                + "\nevery guest has a compatible target\n", r.out());
        CliRun bad = CliRun.of("check", "--all-mdevs", "--source", SRC, "--target", QuickStartTest.BAD,
                "--format", "json");
        assertEquals(1, bad.exitCode());
        assertEquals("""
                {
                  "rules" : "doc",
                  "everyGuestPlaced" : false,
                  "guests" : [ {
                    "mdev" : "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b",
                    "placed" : false,
                    "targets" : [ {
                      "target" : "%s",
                      "compatible" : false,
                      "errno" : "ENODEV",
                      "findings" : [ "APQN_RESERVED_FOR_HOST", "CONTROL_DOMAIN_MISSING", "HWINFO_INCOMPATIBLE", "HWINFO_INCOMPATIBLE", "HWINFO_INCOMPATIBLE", "HWINFO_INCOMPATIBLE", "MKVP_UNVERIFIED" ]
                    } ]
                  } ]
                }
                """.formatted(QuickStartTest.BAD), bad.out());
    }
}
