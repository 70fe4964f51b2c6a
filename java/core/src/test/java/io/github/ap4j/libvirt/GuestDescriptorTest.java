// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.snapshot.SourceKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The descriptor carries what the check needs: checking the descriptor read back from its XML
 * gives the same report as checking the source host it was made from, on every example target
 * and both rule sets.
 */
class GuestDescriptorTest {
    static final String EXAMPLES = "../examples/";
    static final String UUID = "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b";

    static HostSnapshot example(String name) {
        return SnapshotSources.open(EXAMPLES + name);
    }

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void checkingTheDescriptorEqualsCheckingTheSource(RuleSet rules) {
        HostSnapshot source = example("source-host");
        GuestDescriptor d = GuestDescriptor.of(source, UUID, "source-host", "test");
        GuestDescriptor back = read(GuestDescriptorXml.write(d));
        assertEquals(d, back);
        assertEquals(d, read(GuestDescriptorXml.writeOneLine(d)));
        HostSnapshot fromXml = back.toSnapshot("guest.xml");
        assertEquals(SourceKind.DESCRIPTOR, fromXml.provenance().kind());
        List<MigrationCheck.Target> targets = List.of(
                new MigrationCheck.Target("ok", example("target-ok")),
                new MigrationCheck.Target("bad", example("target-bad")),
                new MigrationCheck.Target("source", source));
        CheckReport direct = MigrationCheck.check(source, UUID, targets, rules);
        CheckReport viaDescriptor = MigrationCheck.check(fromXml, UUID, targets, rules);
        assertEquals(direct, viaDescriptor);
        assertTrue(direct.targets().get(0).compatible());
        assertTrue(!direct.targets().get(1).compatible());
    }

    @Test
    void theExampleGuestsDescriptor() {
        GuestDescriptor d = GuestDescriptor.of(example("source-host"), UUID, "source-host", "test");
        // Values from the example generator (java/examples/README.md): CCA 0x92800000 on the
        // CEX8C card 05 (raw type 14), accelerator 0x6A800000 on the CEX7A card 06 (13).
        assertEquals("""
                <guest xmlns="https://ap4j.github.io/xmlns/guest/1" format="1" \
                mdev="2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b" host="source-host" \
                taken="2026-07-01T10:00:00Z" ap4j="test" source="fixture">
                  <vfio-ap features="guest_matrix hotplug ap_config migratable"/>
                  <bus features="APSC APXA QACT RC8A"/>
                  <matrix adapters="5-6" domains="51-52" control-domains="51"/>
                  <queue apqn="05.0033" functions="0x92800000" type="14"/>
                  <queue apqn="05.0034" functions="0x92800000" type="14"/>
                  <queue apqn="06.0033" functions="0x6a800000" type="13"/>
                  <queue apqn="06.0034" functions="0x6a800000" type="13"/>
                </guest>
                """, GuestDescriptorXml.write(d));
        assertEquals(4, d.queues().size());
    }

    @Test
    void readByNamespaceNotPrefix() {
        String prefixed = "<ap4j:guest xmlns:ap4j='" + GuestDescriptorXml.NAMESPACE + "' format='1'"
                + " mdev='" + UUID + "' host='h' taken='2026-01-01T00:00:00Z' ap4j='x' source='sysfs'>"
                + "<ap4j:matrix adapters='5' domains='51'/><ap4j:queue apqn='05.0033'/></ap4j:guest>";
        GuestDescriptor d = read(prefixed);
        assertEquals(1, d.queues().size());
        assertEquals(null, d.queues().get(0).functions());
        String wrongNs = prefixed.replace(GuestDescriptorXml.NAMESPACE, "urn:other");
        BadInputException e = assertThrows(BadInputException.class, () -> parse(wrongNs));
        assertEquals("x.xml: neither a libvirt domain XML (root <domain>) nor an ap4j guest "
                + "descriptor", e.getMessage());
    }

    @Test
    void badValuesAreNamedAndQuoted() {
        String base = "<guest xmlns='" + GuestDescriptorXml.NAMESPACE + "' format='1' mdev='" + UUID
                + "' host='h' taken='2026-01-01T00:00:00Z' ap4j='x' source='sysfs'>"
                + "<matrix adapters='5' domains='51'/>%s</guest>";
        assertEquals("x.xml: ap4j guest descriptor queue 05.0033: functions='0x9\\n': not 0x and "
                + "8 hex digits", assertThrows(BadInputException.class, () -> parse(String.format(base,
                "<queue apqn='05.0033' functions='0x9&#10;'/>"))).getMessage());
        assertEquals("x.xml: ap4j guest descriptor: queue 06.0033 is not in the matrix",
                assertThrows(BadInputException.class, () -> parse(String.format(base,
                "<queue apqn='06.0033'/>"))).getMessage());
        assertEquals("x.xml: ap4j guest descriptor: format '2' is not one this ap4j reads (1); "
                + "describe the guest again with this ap4j, or upgrade it",
                assertThrows(BadInputException.class, () -> parse(String.format(base, "")
                        .replace("format='1'", "format='2'"))).getMessage());
        assertEquals("x.xml: ap4j guest descriptor: adapters='5-300': not a list of ids 0..255 "
                + "such as 5-7,9", assertThrows(BadInputException.class, () -> parse(String.format(
                base, "").replace("adapters='5'", "adapters='5-300'"))).getMessage());
    }

    static DomainXml parse(String xml) {
        return DomainXml.parse(xml.getBytes(StandardCharsets.UTF_8), "x.xml");
    }

    static GuestDescriptor read(String xml) {
        return parse(xml).descriptor().orElseThrow();
    }
}
