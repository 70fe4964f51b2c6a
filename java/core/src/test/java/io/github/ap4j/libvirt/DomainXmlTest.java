// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Domain XML as libvirt writes it, and hostile XML with its exact outcome. */
class DomainXmlTest {
    static final String UUID = "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b";
    static final String DOMAIN = "<domain type='kvm'><name>guest1</name><devices>"
            + "<hostdev mode='subsystem' type='mdev' managed='no' model='vfio-ap'>"
            + "<source><address uuid='2B8D0AD5-6c61-4b0e-9c4e-6f1c2d3e4a5b'/></source></hostdev>"
            + "</devices></domain>";

    static String parseError(String xml) {
        return assertThrows(BadInputException.class, () -> DomainXml.parse(
                xml.getBytes(StandardCharsets.UTF_8), "dom.xml")).getMessage();
    }

    @Test
    void theVfioApHostdevGivesTheMdev() {
        DomainXml d = DomainXml.parse(DOMAIN.getBytes(StandardCharsets.UTF_8), "dom.xml");
        assertEquals(Optional.of("guest1"), d.name());
        assertEquals(Optional.of(UUID), d.mdev());
        assertEquals(Optional.empty(), d.descriptor());
    }

    @Test
    void aDomainWithoutVfioApHostdev() {
        String pci = "<domain><name>g</name><devices><hostdev mode='subsystem' type='mdev' "
                + "model='vfio-pci'><source><address uuid='" + UUID + "'/></source></hostdev>"
                + "</devices></domain>";
        DomainXml d = DomainXml.parse(pci.getBytes(StandardCharsets.UTF_8), "dom.xml");
        assertEquals(Optional.empty(), d.mdev());
        assertEquals("dom.xml: the domain has no vfio-ap hostdev (<hostdev mode='subsystem' "
                + "type='mdev' model='vfio-ap'>), so it has no AP queues to check",
                assertThrows(BadInputException.class, () -> d.requireMdev("dom.xml")).getMessage());
    }

    @Test
    void twoVfioApHostdevs() {
        String two = DOMAIN.replace("</devices>", "<hostdev mode='subsystem' type='mdev' "
                + "model='vfio-ap'><source><address uuid='" + UUID + "'/></source></hostdev></devices>");
        assertEquals("dom.xml: more than one vfio-ap hostdev (libvirt supports only one)",
                parseError(two));
    }

    @Test
    void billionLaughsIsRefusedAtTheDoctype() {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY l0 'ha'>");
        for (int i = 1; i < 10; i++) {
            sb.append("<!ENTITY l").append(i).append(" '");
            for (int j = 0; j < 10; j++) {
                sb.append("&l").append(i - 1).append(';');
            }
            sb.append("'>");
        }
        sb.append("]><domain><name>&l9;</name></domain>");
        assertEquals("dom.xml: not accepted as XML (line 1, column 31): a DOCTYPE declaration is "
                + "refused (no DTDs or entities are read)", parseError(sb.toString()));
    }

    @Test
    void externalEntityToEtcPasswdIsRefused() {
        String xxe = "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<domain><name>&x;</name></domain>";
        String m = parseError(xxe);
        assertEquals("dom.xml: not accepted as XML (line 2, column 10): a DOCTYPE declaration is "
                + "refused (no DTDs or entities are read)", m);
        assertFalse(m.contains("root:"));
    }

    @Test
    void anUndeclaredEntityIsNotWellFormed() {
        assertEquals("dom.xml: not accepted as XML (line 1, column 18): it refers to an undeclared entity",
                parseError("<domain><name>&x;</name></domain>"));
    }

    @Test
    void xincludeIsNotProcessed(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("secret.xml");
        Files.writeString(secret, "<devices><hostdev mode='subsystem' type='mdev' model='vfio-ap'>"
                + "<source><address uuid='" + UUID + "'/></source></hostdev></devices>");
        String xi = "<domain xmlns:xi='http://www.w3.org/2001/XInclude'><name>g</name>"
                + "<xi:include href='" + secret.toUri() + "'/></domain>";
        DomainXml d = DomainXml.parse(xi.getBytes(StandardCharsets.UTF_8), "dom.xml");
        assertEquals(Optional.empty(), d.mdev()); // the included devices were never read
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<domain>" + "<a>".repeat(100) + "</a>".repeat(100) + "</domain>";
        assertEquals("dom.xml: not accepted as XML (line 1, column 200): elements nested deeper "
                + "than 64", parseError(deep));
    }

    @Test
    void hugeInputIsRefusedBeforeParsing() {
        byte[] huge = new byte[DomainXml.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '<';
        assertEquals("dom.xml: larger than 4194304 bytes: not read as a domain XML",
                assertThrows(BadInputException.class, () -> DomainXml.parse(huge, "dom.xml"))
                        .getMessage());
    }

    @Test
    void truncatedAndForeignXml() {
        assertEquals("dom.xml: not accepted as XML (line 1, column 15): it ends before the "
                + "document is complete", parseError("<domain><name>"));
        assertEquals("dom.xml: neither a libvirt domain XML (root <domain>) nor an ap4j guest "
                + "descriptor", parseError("<html><body>secret</body></html>"));
    }

    @Test
    void looksLikeXml() {
        assertTrue(DomainXml.looksLikeXml("\ufeff \n<domain/>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(DomainXml.looksLikeXml("CARD.DOM TYPE".getBytes(StandardCharsets.UTF_8)));
        assertFalse(DomainXml.looksLikeXml(new byte[0]));
    }
}
