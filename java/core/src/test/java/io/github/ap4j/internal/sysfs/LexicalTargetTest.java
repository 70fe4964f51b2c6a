// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ap4j.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AbstractSysfsTree#lexicalTarget}, which resolves every device and driver link of a
 * tree inside its root, against the rule written out plainly below (a list of components):
 * the link's directory, then the target's components, {@code ..} taking one off and never
 * climbing above the root, empty and {@code .} components ignored.
 */
class LexicalTargetTest {

    @TempDir
    Path root;

    /** The rule, as a list: what the one-buffer implementation must compute. */
    private static String rule(String c, String target) {
        List<String> parts = new ArrayList<>(AbstractSysfsTree.components(c));
        parts.remove(parts.size() - 1);
        for (String t : AbstractSysfsTree.components(target)) {
            if (t.equals("..")) {
                if (parts.isEmpty()) {
                    return null; // leaves the root
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(t);
            }
        }
        return String.join("/", parts);
    }

    private String actual(DirectorySysfsTree t, String c, String target) {
        try {
            return t.lexicalTarget(c, c, target);
        } catch (BadInputException e) {
            return null;
        }
    }

    @Test
    void theKernelsLinks() {
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        assertEquals("devices/ap/card05/05.0033", t.lexicalTarget("bus/ap/devices/05.0033",
                "bus/ap/devices/05.0033", "../../../devices/ap/card05/05.0033"));
        assertEquals("bus/ap/drivers/vfio_ap", t.lexicalTarget("devices/ap/card05/05.0033/driver",
                "devices/ap/card05/05.0033/driver", "../../../../bus/ap/drivers/vfio_ap"));
        assertEquals("devices/ap/card05/x", t.lexicalTarget("devices/ap/card05/l",
                "devices/ap/card05/l", "./x/"));
        assertEquals("", t.lexicalTarget("a/l", "a/l", ".."));
        String m = assertThrows(BadInputException.class,
                () -> t.lexicalTarget("a/l", "a/l", "../../x")).getMessage();
        assertEquals(t.describe("a/l") + ": symlink leads out of the root: '../../x'", m);
        m = assertThrows(BadInputException.class,
                () -> t.lexicalTarget("a/l", "a/l", "/etc/passwd")).getMessage();
        assertEquals(t.describe("a/l") + ": symlink leads out of the root (absolute target): "
                + "'/etc/passwd'", m);
    }

    @Test
    void agreesWithTheRuleOnRandomPaths() {
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        String[] pieces = {"a", "bb", "card05", "05.0033", "..", ".", "", "x.y", "..."};
        Random rnd = new Random(14);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder c = new StringBuilder("l0");
            for (int k = rnd.nextInt(5); k > 0; k--) {
                String p = pieces[rnd.nextInt(pieces.length)];
                c.insert(0, (p.equals("..") || p.equals(".") || p.isEmpty() ? "d" : p) + "/");
            }
            StringBuilder target = new StringBuilder();
            for (int k = rnd.nextInt(7); k > 0; k--) {
                target.append(pieces[rnd.nextInt(pieces.length)]);
                if (k > 1 || rnd.nextBoolean()) {
                    target.append('/');
                }
            }
            if (target.length() > 0 && target.charAt(0) == '/') {
                target.insert(0, 'z');
            }
            String cs = c.toString();
            String ts = target.toString();
            assertEquals(rule(cs, ts), actual(t, cs, ts), cs + " -> " + ts);
        }
    }
}
