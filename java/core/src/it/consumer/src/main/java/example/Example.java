// SPDX-License-Identifier: Apache-2.0
package example;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.HostSnapshots;
import java.nio.file.Path;
import java.util.List;

/** The README's "Use as a library" example, compiled and run by the consumer build. */
public final class Example {
    public static void main(String[] args) {
        HostSnapshot source = HostSnapshots.fixture(Path.of(args[0], "source-host"));
        HostSnapshot target = HostSnapshots.open(Path.of(args[0], "target-ok").toString());
        CheckReport report = MigrationCheck.check(source, "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b",
                List.of(new MigrationCheck.Target("target-ok", target)), RuleSet.DOC);
        report.targets().forEach(t -> System.out.println(t.target() + ": "
                + (t.compatible() ? "compatible" : "incompatible")));
    }
}
