// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.cli.CacheTraining.Cache;
import io.github.ap4j.cli.CacheTraining.Run;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's caches (CacheTraining): every command has exactly one, every run trains exactly
 * one, and every run ends as the training expects (the package build only warns when it does
 * not, and a cache trained on an error path speeds up the wrong code).
 */
class CacheTrainingTest {

    @TempDir
    static Path tmp;

    static List<Run> runs;

    @BeforeAll
    static void writeLargeHost() throws IOException {
        CacheTraining.writeLargeHost(ExampleHostsTest.EXAMPLES, tmp.resolve("large"));
        runs = CacheTraining.runs(ExampleHostsTest.EXAMPLES, tmp.resolve("large"));
    }

    @Test
    void everySubcommandHasExactlyOneCache() {
        for (Ap4j.Subcommand c : Ap4j.SUBCOMMANDS) {
            List<String> caches = new ArrayList<>();
            for (Cache cache : CacheTraining.CACHES) {
                if (cache.commands().contains(c.name())) {
                    caches.add(cache.name());
                }
            }
            assertEquals(1, caches.size(), c.name() + " is served by " + caches);
        }
    }

    @Test
    void cacheNamesAreWhatTheLauncherAccepts() {
        // java/cli/src/main/sh/ap4j takes a command for a cache's name only when it is [a-z-]+,
        // and names the caches' files after CACHES: a name outside that would never be picked
        for (Cache cache : CacheTraining.CACHES) {
            assertTrue(cache.name().matches("[a-z-]+"), cache.name());
            for (String c : cache.commands()) {
                assertTrue(c.matches("[a-z-]+"), c);
            }
        }
    }

    @Test
    void everyRunTrainsExactlyOneCacheAndEveryCacheHasRuns() {
        for (Run r : runs) {
            long serving = CacheTraining.CACHES.stream().filter(c -> c.serves(r.args())).count();
            assertEquals(1, serving, "caches training ap4j " + r.args());
        }
        for (Cache cache : CacheTraining.CACHES) {
            assertTrue(runs.stream().anyMatch(r -> cache.serves(r.args())), cache.name() + " has no run");
        }
    }

    @Test
    void jsonRunsTrainTheJsonCacheWhateverTheirCommand() {
        Cache json = cache("json");
        Cache show = cache("show");
        assertTrue(json.serves(List.of("show", "--fixture", "x", "--format", "json")));
        assertTrue(json.serves(List.of("check", "--format=json")));
        assertFalse(show.serves(List.of("show", "--fixture", "x", "--format", "json")));
        assertTrue(show.serves(List.of("show", "--fixture", "x", "--format", "lszcrypt")));
        // no command: the start cache, as the launcher falls back to it
        assertTrue(cache("start").serves(List.of("--version")));
        assertFalse(show.serves(List.of("--version")));
    }

    @Test
    void everyRunEndsWithTheExitCodeTheTrainingExpects() {
        for (Run r : runs) {
            CliRun run = CliRun.of(r.args().toArray(String[]::new));
            assertEquals(r.exitCode(), run.exitCode(), "ap4j " + r.args() + ": " + run.err());
        }
    }

    @Test
    void theLargeHostIsLargeEnoughForTheNativeReaderAndShowsEveryCopy() throws IOException {
        Path large = tmp.resolve("large");
        long devices;
        try (Stream<Path> list = Files.list(large.resolve("bus/ap/devices"))) {
            devices = list.count();
        }
        assertTrue(devices >= SysfsSnapshotReader.TOGETHER_MIN, devices + " devices");
        // lszcrypt's table: a line per device after the two header lines, each copy included
        CliRun show = CliRun.of("show", "--fixture", large.toString(), "--format", "lszcrypt");
        assertEquals(0, show.exitCode(), show.err());
        assertEquals(devices + 2, show.out().lines().count());
        assertTrue(show.out().contains("05.0000"), show.out());
        assertTrue(show.out().contains("07.0054"), show.out());
    }

    private static Cache cache(String name) {
        Cache c = CacheTraining.named(name);
        assertTrue(c != null, name);
        return c;
    }
}
