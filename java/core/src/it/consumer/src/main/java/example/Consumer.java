// SPDX-License-Identifier: Apache-2.0
package example;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.model.ApMode;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.HostSnapshots;
import io.github.ap4j.snapshot.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a library user does with ap4j-core alone, each step checked against values written down
 * independently of the code (the example hosts' README, the kernel's GR2 layout). Any failed
 * expectation ends the program with exit code 1, which fails the consumer build.
 */
public final class Consumer {
    private static final String MDEV = "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b";

    public static void main(String[] args) throws IOException {
        Path examples = Path.of(args[0]);
        Path table = Path.of(args[1]);
        Path dependencies = Path.of(args[2]);

        // 1. A TAPQ GR2 word of a CEX8C in CCA mode: functions 0x92800000 (APSC, CCA, APXA,
        //    full native; java/examples/README.md) in bits 0-31, type 14 in bits 32-39.
        QueueHwInfo hw = QueueHwInfo.ofGr2(0x928000000e000000L);
        expect(hw.functions() == 0x92800000, "GR2 functions " + Integer.toHexString(hw.functions()));
        expect(hw.apsc() && hw.cca() && hw.apxa() && hw.fullNative() && !hw.accel(), "GR2 bits");
        expect(hw.mode() == ApMode.CCA, "GR2 mode " + hw.mode());
        expect(hw.rawType() == 14, "GR2 type " + hw.rawType());
        expect(hw.letters().equals("S--D--N-F-"), "GR2 letters " + hw.letters());

        // 2. The shipped example hosts as fixtures.
        HostSnapshot source = HostSnapshots.fixture(examples.resolve("source-host"));
        HostSnapshot ok = HostSnapshots.fixture(examples.resolve("target-ok"));
        HostSnapshot bad = HostSnapshots.fixture(examples.resolve("target-bad"));
        expect(source.provenance().kind() == SourceKind.FIXTURE, "fixture kind");
        expect(source.mdev(MDEV).isPresent(), "source mdev " + MDEV);

        // 3. The migration check: target-ok takes the guest, target-bad does not.
        CheckReport report = MigrationCheck.check(source, MDEV, List.of(
                new MigrationCheck.Target("target-ok", ok),
                new MigrationCheck.Target("target-bad", bad)), RuleSet.DOC);
        expect(report.targets().get(0).compatible(), "target-ok compatible");
        expect(!report.targets().get(1).compatible(), "target-bad incompatible");
        expect(!report.targets().get(1).kernelLog().isEmpty(), "target-bad kernel log");

        // 4. The recorded PQAP table of source-host through the native shim's replay backend:
        //    libap4j comes from the ap4j-native jar on the class path, nothing else set up.
        HostSnapshot replayed = HostSnapshots.replay(table);
        expect(NativeAp.isLibraryLoaded(), "libap4j loaded: " + NativeAp.unavailabilityCause());
        expect(replayed.provenance().kind() == SourceKind.NATIVE, "replay kind");
        expect(replayed.queues().size() == source.queues().size(), "replayed queue count");
        for (ApQueue q : replayed.queues()) {
            ApQueue f = source.queue(q.apqn()).orElseThrow();
            expect(q.functions().equals(f.functions()), "replayed functions of " + q.apqn());
        }

        // 5. The README example runs as well.
        Example.main(new String[] {examples.toString()});

        // 6. mvn dependency:list of this project: ap4j artifacts and JNA, nothing else.
        List<String> artifacts = Files.readAllLines(dependencies).stream()
                .map(String::strip).filter(l -> l.split(":").length >= 5).toList();
        expect(artifacts.stream().anyMatch(a -> a.startsWith("io.github.ap4j:ap4j-core:jar:")),
                "ap4j-core listed: " + artifacts);
        expect(artifacts.stream().anyMatch(a -> a.startsWith("io.github.ap4j:ap4j-native:jar:")),
                "ap4j-native listed: " + artifacts);
        for (String a : artifacts) {
            expect(a.startsWith("io.github.ap4j:") || a.startsWith("net.java.dev.jna:jna:jar:"),
                    "unexpected dependency " + a);
        }
        System.out.println("consumer: all checks passed (" + artifacts.size() + " dependencies: "
                + String.join(", ", artifacts) + ")");
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            System.err.println("consumer: FAILED: " + what);
            System.exit(1);
        }
    }
}
