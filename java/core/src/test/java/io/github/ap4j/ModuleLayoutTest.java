// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ap4j.internal.QueueIndex;
import io.github.ap4j.snapshot.HostSnapshots;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module exports the API packages and nothing else, and the suite really runs both ways:
 * the build runs it once on the module path and once on the class path, and says which in
 * {@code ap4j.test.path}.
 */
class ModuleLayoutTest {

    private static final Set<String> API = Set.of("io.github.ap4j", "io.github.ap4j.check",
            "io.github.ap4j.explain", "io.github.ap4j.libvirt",
            "io.github.ap4j.model", "io.github.ap4j.natives", "io.github.ap4j.snapshot");

    @Test
    void descriptorExportsOnlyTheApiPackagesToEveryone() throws Exception {
        // The descriptor compiled beside the classes, read from there: on the class path a
        // resource lookup of module-info.class could answer with any module's.
        Path classes = Path.of(HostSnapshots.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertEquals("io.github.ap4j", d.name());
        assertEquals(API, d.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()));
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(d.opens().isEmpty());
        assertEquals(Set.of("com.sun.jna", "java.base", "java.xml"), d.requires().stream()
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }

    @Test
    void runsOnThePathTheBuildNames() {
        String path = System.getProperty("ap4j.test.path");
        assumeTrue(path != null, "run outside the Maven build");
        Module m = HostSnapshots.class.getModule();
        if (path.equals("module")) {
            assertTrue(m.isNamed(), "expected the named module, got " + m);
            assertEquals("io.github.ap4j", m.getName());
            assertTrue(m.isExported("io.github.ap4j.snapshot"));
            assertFalse(m.isExported("io.github.ap4j.internal"));
            assertFalse(m.isExported(QueueIndex.class.getPackageName()));
            assertTrue(ModuleLayer.boot().findModule("com.sun.jna").isPresent(), "JNA as a module");
        } else {
            assertEquals("class", path);
            assertFalse(m.isNamed(), "expected the class path, got " + m);
        }
    }
}
