// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.BadInputException;
import io.github.ap4j.FuzzInput;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * Domain XML, fuzzed through {@link DomainXml#parse} (the parser the libvirt hook runs as root
 * on XML the source host controls). Seeds: a domain with a vfio-ap hostdev and ap4j's
 * descriptor as {@code virsh dumpxml --migratable} gives it back (prefixed and default
 * namespace forms), a bare descriptor, and the hostile shapes of {@code DomainXmlTest}
 * (DOCTYPE, external entity, XInclude).
 *
 * <p>Properties: the only escape is {@link BadInputException}, one printable line naming the
 * input; an accepted hostdev UUID is a lowercase UUID; an accepted descriptor is written and
 * read back unchanged and belongs to the hostdev's mdev when both are present.
 */
@DisabledOnOs(architectures = "s390x", disabledReason = FuzzInput.NOT_ON_S390X)
class DomainXmlFuzzTest {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @FuzzTest(maxDuration = "6s")
    void domainXml(byte[] input) {
        DomainXml d;
        try {
            d = DomainXml.parse(input, "fuzz.xml");
        } catch (BadInputException e) {
            FuzzInput.assertOneLineNaming("fuzz.xml", e);
            return;
        }
        d.mdev().ifPresent(m -> assertTrue(UUID.matcher(m).matches(), () -> "mdev " + FuzzInput.printable(m)));
        if (d.descriptor().isPresent()) {
            GuestDescriptor g = d.descriptor().get();
            d.mdev().ifPresent(m -> assertEquals(m, g.mdev()));
            byte[] again = GuestDescriptorXml.write(g).getBytes(StandardCharsets.UTF_8);
            assertEquals(g, DomainXml.parse(again, "again.xml").descriptor().orElseThrow());
        }
    }
}
