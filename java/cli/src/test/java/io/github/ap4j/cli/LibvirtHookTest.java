// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libvirt hook run exactly as libvirtd runs {@code /etc/libvirt/hooks/qemu.d/*}
 * ({@code virHookCall}: {@code GUEST migrate begin -}, the domain XML on stdin), on XML that
 * real libvirt wrote: a domain with a vfio-ap hostdev defined on libvirt's test driver, the
 * descriptor stored by the very {@code virsh metadata} command {@code ap4j describe} prints,
 * and read back with {@code virsh dumpxml --migratable}, the form a migration sends.
 */
// Each test starts ap4j as its own JVM, as libvirtd starts the hook. Under qemu-user without
// binfmt_misc (ci-s390x/run) the emulated JVM cannot exec another s390x JVM, so these run on
// x86_64 only; the hook's Java code is the same on both (docs/s390x-emulation.md).
@EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"},
        disabledReason = "starts child JVMs, which qemu-user without binfmt cannot exec")
class LibvirtHookTest {
    static final String UUID = QuickStartTest.UUID;
    static final Path EXAMPLES = ExampleHostsTest.EXAMPLES.toAbsolutePath();
    static final String DOMAIN = "<domain type='test'><name>guest1</name><memory>1048576</memory>"
            + "<os><type arch='s390x' machine='s390-ccw-virtio'>hvm</type></os><devices>"
            + "<hostdev mode='subsystem' type='mdev' managed='no' model='vfio-ap'><source>"
            + "<address uuid='" + UUID + "'/></source></hostdev></devices></domain>\n";

    @TempDir
    static Path tmp;
    /** The running guest's migratable XML with the descriptor (stored --live --config). */
    static byte[] withDescriptor;
    /** The same guest before 'ap4j describe' was run. */
    static byte[] withoutDescriptor;

    @BeforeAll
    static void defineTheGuestInLibvirt() throws Exception {
        Path dom = tmp.resolve("guest1.xml");
        Files.writeString(dom, DOMAIN);
        CliRun d = CliRun.of("describe", "--source", EXAMPLES.resolve("source-host").toString(),
                "--domain", dom.toString(), "--host", "source-host", "--print-command");
        assertEquals("", d.err());
        assertEquals(0, d.exitCode());
        String metadata = d.out().strip();
        assertTrue(metadata.startsWith("virsh metadata guest1 --uri "
                + "https://ap4j.github.io/xmlns/guest/1 --key ap4j --set '<guest "), metadata);
        assertTrue(metadata.endsWith("</guest>' --live --config"), metadata);
        String session = "define " + dom + "; start guest1; "
                + metadata.substring("virsh ".length()) + "; dumpxml guest1 --migratable";
        String xml = HookProcess.virsh(session);
        withDescriptor = xml.substring(xml.indexOf("<domain")).getBytes(StandardCharsets.UTF_8);
        assertTrue(xml.contains("<guest xmlns=\"https://ap4j.github.io/xmlns/guest/1\" "
                + "xmlns:ap4j=\"https://ap4j.github.io/xmlns/guest/1\" format=\"1\""), xml);
        String plain = HookProcess.virsh("define " + dom + "; dumpxml guest1 --migratable");
        withoutDescriptor = plain.substring(plain.indexOf("<domain")).getBytes(StandardCharsets.UTF_8);
    }

    static HookProcess hook(String target, byte[] xml, String... args) throws Exception {
        return hook(Map.of("SYSFS_ROOT", EXAMPLES.resolve(target).toString()), xml, args);
    }

    static HookProcess hook(Map<String, String> env, byte[] xml, String... args) throws Exception {
        String[] a = args.length == 0 ? new String[] {"guest1", "migrate", "begin", "-"} : args;
        String[] full = new String[a.length + 1];
        full[0] = "libvirt-hook";
        System.arraycopy(a, 0, full, 1, a.length);
        return HookProcess.run(tmp, env, xml, false, full);
    }

    static final String LOG = "-t ap4j-libvirt-hook -p ";

    @Test
    void compatibleDestinationAllowsAndLogs() throws Exception {
        HookProcess r = hook("target-ok", withDescriptor);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(0, r.stdout().length);
        assertEquals("", r.stderr());
        assertEquals(List.of(LOG + "daemon.notice -- allowed migration of guest 'guest1' (mdev "
                + UUID + "): compatible with this host (rules doc)"), r.log());
    }

    @Test
    void incompatibleDestinationCancelsWithTheKernelsReasons() throws Exception {
        HookProcess r = hook("target-bad", withDescriptor);
        assertEquals(1, r.exitCode());
        assertEquals(0, r.stdout().length);
        String hwFix = "Fix: use a target card of the same mode and facilities and the same or "
                + "a newer type, or change the card's mode (HMC/SE)\n";
        assertEquals("ap4j: guest 'guest1' (mdev " + UUID + ") is INCOMPATIBLE with this host "
                + "(the kernel would return -ENODEV)\n"
                + "  log: vfio_ap_mdev " + UUID + ": Queue 05.0034 not available to vfio_ap "
                + "driver on target host\n"
                + "  APQN_RESERVED_FOR_HOST 05.0034: reserved for the host (apmask/aqmask). Fix: "
                + "echo -5 > /sys/bus/ap/apmask\n"
                + "  CONTROL_DOMAIN_MISSING: control domain 0033 not on the target. Fix: add "
                + "control domain 0033 to the target LPAR (HMC image profile)\n"
                + "  HWINFO_INCOMPATIBLE 05.0033: CCA mode only on the source; EP11 mode only on "
                + "the target. " + hwFix
                + "  HWINFO_INCOMPATIBLE 05.0034: CCA mode only on the source; EP11 mode only on "
                + "the target. " + hwFix
                + "  HWINFO_INCOMPATIBLE 06.0033: source type 13 (CEX7) newer than 12 (CEX6). " + hwFix
                + "  HWINFO_INCOMPATIBLE 06.0034: source type 13 (CEX7) newer than 12 (CEX6). " + hwFix,
                r.stderr());
        assertEquals(List.of(LOG + "daemon.err -- denied migration of guest 'guest1' (mdev " + UUID
                + "): incompatible with this host, kernel returns -ENODEV: APQN_RESERVED_FOR_HOST "
                + "05.0034, CONTROL_DOMAIN_MISSING, HWINFO_INCOMPATIBLE 05.0033, HWINFO_INCOMPATIBLE "
                + "05.0034, HWINFO_INCOMPATIBLE 06.0033, HWINFO_INCOMPATIBLE 06.0034"), r.log());
    }

    @Test
    void onlyMigrateBeginActs() throws Exception {
        for (String[] op : List.of(new String[] {"prepare", "begin"}, new String[] {"start", "begin"},
                new String[] {"migrate", "end"}, new String[] {"release", "end"})) {
            HookProcess r = hook("target-bad", withDescriptor, "guest1", op[0], op[1], "-");
            assertEquals(0, r.exitCode(), op[0]);
            assertEquals(0, r.stdout().length);
            assertEquals("", r.stderr());
            assertEquals(List.of(), r.log());
        }
    }

    @Test
    void noDescriptorFollowsThePolicy() throws Exception {
        HookProcess allow = hook("target-bad", withoutDescriptor);
        assertEquals(0, allow.exitCode());
        assertEquals("", allow.stderr());
        assertEquals(0, allow.stdout().length);
        String why = "the domain XML has no ap4j guest descriptor (run 'ap4j describe' on the "
                + "source host and store it with virsh metadata)";
        assertEquals(List.of(LOG + "daemon.warning -- allowed migration of guest 'guest1' (mdev "
                + UUID + ") without a check: " + why + " (policy allow, defaults (no "
                + tmp.resolve("no-such.conf") + "))"), allow.log());

        Path conf = tmp.resolve("deny.conf");
        Files.writeString(conf, "# deny what cannot be checked\npolicy = deny\ntimeout = 10\n");
        HookProcess deny = hook(Map.of("SYSFS_ROOT", EXAMPLES.resolve("target-ok").toString(),
                "AP4J_HOOK_CONFIG", conf.toString()), withoutDescriptor);
        assertEquals(5, deny.exitCode());
        assertEquals(0, deny.stdout().length);
        String line = "denied migration of guest 'guest1' (mdev " + UUID + "): " + why
                + " (policy deny, " + conf + ")";
        assertEquals("ap4j: " + line + "\n", deny.stderr());
        assertEquals(List.of(LOG + "daemon.err -- " + line), deny.log());
    }

    @Test
    void aDomainWithoutVfioApIsAllowedSilently() throws Exception {
        Path conf = tmp.resolve("deny2.conf");
        Files.writeString(conf, "policy = deny\n");
        byte[] xml = "<domain type='kvm'><name>web</name><devices/></domain>".getBytes(StandardCharsets.UTF_8);
        HookProcess r = hook(Map.of("AP4J_HOOK_CONFIG", conf.toString()), xml,
                "web", "migrate", "begin", "-");
        assertEquals(0, r.exitCode());
        assertEquals(0, r.stdout().length);
        assertEquals("", r.stderr());
        assertEquals(List.of(), r.log());
    }

    @Test
    void hostWithoutApBusIsUncheckable() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-ap"));
        HookProcess r = hook(Map.of("SYSFS_ROOT", empty.toString()), withDescriptor);
        assertEquals(0, r.exitCode());
        assertEquals(List.of(LOG + "daemon.warning -- allowed migration of guest 'guest1' (mdev "
                + UUID + ") without a check: " + empty.resolve("bus/ap") + ": no AP bus on this "
                + "host (not IBM Z, or the ap module is not loaded); name a fixture instead "
                + "(policy allow, defaults (no " + tmp.resolve("no-such.conf") + "))"), r.log());
    }

    @Test
    void hostileXmlNeverReachesTheCheck() throws Exception {
        Path conf = tmp.resolve("deny3.conf");
        Files.writeString(conf, "policy = deny\n");
        String xxe = "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
                + new String(withDescriptor, StandardCharsets.UTF_8).replace("<name>guest1</name>",
                "<name>&x;</name>");
        HookProcess r = hook(Map.of("AP4J_HOOK_CONFIG", conf.toString(), "SYSFS_ROOT",
                EXAMPLES.resolve("target-ok").toString()), xxe.getBytes(StandardCharsets.UTF_8));
        assertEquals(5, r.exitCode());
        assertEquals(0, r.stdout().length);
        assertEquals("ap4j: denied migration of guest 'guest1': the domain XML on stdin: not "
                + "accepted as XML (line 2, column 10): a DOCTYPE declaration is refused (no DTDs "
                + "or entities are read) (policy deny, " + conf + ")\n", r.stderr());
        assertFalse(r.stderr().contains("root:"));
    }

    @Test
    void hugeStdinIsRefusedAndThePolicyDecides() throws Exception {
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        System.arraycopy(withDescriptor, 0, huge, 0, withDescriptor.length);
        HookProcess r = hook("target-ok", huge);
        assertEquals(0, r.exitCode());
        assertEquals(List.of(LOG + "daemon.warning -- allowed migration of guest 'guest1' without "
                + "a check: the domain XML on stdin: more than 4194304 bytes: not read (policy "
                + "allow, defaults (no " + tmp.resolve("no-such.conf") + "))"), r.log());
    }

    @Test
    void aStdinThatNeverEndsMeetsTheTimeBound() throws Exception {
        Path conf = tmp.resolve("short.conf");
        Files.writeString(conf, "timeout = 1\npolicy = deny\n");
        HookProcess r = HookProcess.run(tmp, Map.of("AP4J_HOOK_CONFIG", conf.toString()),
                "<domain>".getBytes(StandardCharsets.UTF_8), true,
                "libvirt-hook", "guest1", "migrate", "begin", "-");
        assertEquals(5, r.exitCode());
        assertEquals(0, r.stdout().length);
        assertEquals("ap4j: denied migration of guest 'guest1': no decision within 1 s (still "
                + "reading the domain XML on stdin) (policy deny, " + conf + ")\n", r.stderr());
        assertEquals(1, r.log().size());
    }

    /**
     * A FIFO where an attribute file belongs would block a reader for ever; the sysfs reader
     * refuses anything but regular files, so the hook reaches its policy at once. (A regular
     * sysfs file whose read hangs needs a kernel driver to produce; the time bound wraps the
     * sysfs read exactly as it wraps the stdin read tested above.)
     */
    @Test
    void aFifoInSysfsCannotHangTheHook() throws Exception {
        Path host = HookProcess.copyTree(EXAMPLES.resolve("target-ok"), tmp.resolve("hung"));
        Path mask = host.resolve("bus/ap/ap_control_domain_mask");
        Files.delete(mask);
        Process mkfifo = new ProcessBuilder("mkfifo", mask.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Path conf = tmp.resolve("fifo.conf");
        Files.writeString(conf, "timeout = 10\n");
        HookProcess r = hook(Map.of("AP4J_HOOK_CONFIG", conf.toString(), "SYSFS_ROOT",
                host.toString()), withDescriptor);
        assertEquals(0, r.exitCode());
        assertEquals("", r.stderr());
        assertEquals(List.of(LOG + "daemon.warning -- allowed migration of guest 'guest1' (mdev "
                + UUID + ") without a check: " + mask + ": not a regular file (a FIFO, socket or "
                + "device where an attribute file is expected) (policy allow, " + conf + ")"),
                r.log());
    }

    @Test
    void badConfigurationCancelsOnlyApGuests() throws Exception {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "policy = maybe\n");
        HookProcess r = hook(Map.of("AP4J_HOOK_CONFIG", conf.toString(), "SYSFS_ROOT",
                EXAMPLES.resolve("target-ok").toString()), withDescriptor);
        assertEquals(2, r.exitCode());
        assertEquals("ap4j: denied migration of guest 'guest1' (mdev " + UUID + "): bad "
                + "configuration: " + conf + ":1: policy must be allow or deny: 'maybe'\n", r.stderr());
        byte[] plain = "<domain><name>web</name></domain>".getBytes(StandardCharsets.UTF_8);
        HookProcess other = hook(Map.of("AP4J_HOOK_CONFIG", conf.toString()), plain,
                "web", "migrate", "begin", "-");
        assertEquals(0, other.exitCode());
        assertEquals("", other.stderr());
    }

    /** The shipped qemu.d wrapper hands libvirt's argument vector and stdin to ap4j unchanged. */
    @Test
    void theQemuDWrapperPassesEverythingThrough() throws Exception {
        Path fakeJava = recordingScript(tmp.resolve("fake-java.sh"), 7);
        assertEquals(7, runWrapper(Map.of("AP4J_JAVA", fakeJava.toString(), "AP4J_JAR", "/opt/ap4j.jar")));
        assertEquals("[-jar][/opt/ap4j.jar][libvirt-hook][guest 1][migrate][begin][-]<domain/>",
                Files.readString(seenBy(fakeJava)));
    }

    /** With the launcher installed in AP4J_HOME, the wrapper runs it, arguments unchanged. */
    @Test
    void theQemuDWrapperPrefersTheInstalledLauncher() throws Exception {
        Path home = tmp.resolve("ap4j-home");
        Files.createDirectories(home.resolve("bin"));
        Path launcher = recordingScript(home.resolve("bin/ap4j"), 5);
        assertEquals(5, runWrapper(Map.of("AP4J_HOME", home.toString())));
        assertEquals("[libvirt-hook][guest 1][migrate][begin][-]<domain/>",
                Files.readString(seenBy(launcher)));
    }

    /** A script that writes its arguments, each in brackets, then its stdin to {@link #seenBy}. */
    private static Path recordingScript(Path script, int exitCode) throws Exception {
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done > '"
                + seenBy(script) + "'\ncat >> '" + seenBy(script) + "'\nexit " + exitCode + "\n");
        script.toFile().setExecutable(true);
        return script;
    }

    private static Path seenBy(Path script) {
        return script.resolveSibling(script.getFileName() + ".seen");
    }

    /** Runs the shipped wrapper as libvirt does, with {@code env} on top of this environment. */
    private static int runWrapper(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("src/main/libvirt/ap4j-hook", "guest 1", "migrate",
                "begin", "-");
        pb.environment().remove("AP4J_JAR");
        pb.environment().putAll(env);
        Process q = pb.start();
        q.getOutputStream().write("<domain/>".getBytes(StandardCharsets.UTF_8));
        q.getOutputStream().close();
        return q.waitFor();
    }

    /** A guest whose name looks like an option is still a guest name, and stdout stays empty. */
    @Test
    void aGuestNamedLikeAnOption() throws Exception {
        byte[] xml = "<domain><name>-h</name></domain>".getBytes(StandardCharsets.UTF_8);
        HookProcess r = hook(Map.of(), xml, "--help", "migrate", "begin", "-");
        assertEquals(0, r.exitCode());
        assertEquals(0, r.stdout().length);
        assertEquals("", r.stderr());
    }

    @Test
    void wrongArgumentCount() throws Exception {
        HookProcess r = hook("target-ok", withDescriptor, "guest1", "migrate");
        assertEquals(2, r.exitCode());
        assertEquals(0, r.stdout().length);
        assertEquals("ap4j libvirt-hook: expected 4 arguments GUEST OPERATION SUB-OPERATION "
                + "EXTRA, as libvirt passes them; got 2\n", r.stderr());
    }
}
