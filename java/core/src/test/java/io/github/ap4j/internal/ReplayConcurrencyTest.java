// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.natives.ReplayTable;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.HostSnapshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "Replay is per call", through the public entry point: {@link HostSnapshots#replay}
 * of two different recorded hosts from several threads at once; every snapshot must be the one
 * of its own table (ABI 1's process-wide table let one thread read the other's host).
 */
class ReplayConcurrencyTest {

    @Test
    void twoTablesFromSixThreadsEachSnapshotIsItsOwnHost(@TempDir Path dir) throws Exception {
        HostSnapshot host = NativeSnapshotReaderTest.host();
        ReplayTable full = NativeSnapshotReader.replayTableOf(host);
        ReplayTable without0534 = ReplayTable.of(full.records().stream()
                .filter(r -> !r.apqn().equals(Apqn.parse("05.0034"))).toList(), full.qci());
        Path a = dir.resolve("a.replay");
        Path b = dir.resolve("b.replay");
        full.write(a);
        without0534.write(b);
        List<Apqn> queuesA = List.of(Apqn.parse("05.0033"), Apqn.parse("05.0034"),
                Apqn.parse("06.0033"), Apqn.parse("06.0034"));
        List<Apqn> queuesB = List.of(Apqn.parse("05.0033"), Apqn.parse("06.0033"),
                Apqn.parse("06.0034"));

        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Path mine = t % 2 == 0 ? a : b;
                List<Apqn> want = t % 2 == 0 ? queuesA : queuesB;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        HostSnapshot s = HostSnapshots.replay(mine);
                        assertEquals(want, s.queues().stream().map(ApQueue::apqn).sorted().toList(),
                                mine.toString());
                        assertEquals("replay:" + mine, s.provenance().origin());
                        assertEquals(host.queue(Apqn.parse("05.0033")).orElseThrow().functions(),
                                s.queue(Apqn.parse("05.0033")).orElseThrow().functions());
                    }
                    return 50;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(50, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
